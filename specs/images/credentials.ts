/**
 * Which registry credentials the kubelet offers for an image: the `auths` keys of a config.json read as host
 * globs with an optional path prefix, as the kubelet keyring (`pkg/credentialprovider/keyring.go`) does.
 * Rules: cred.k8s-globs-and-paths, cred.glob-label-count, cred.glob-excludes-apex, cred.glob-depth-exact,
 * cred.glob-any-position, cred.glob-partial-label, cred.path-prefix, cred.all-matches-tried.
 */
import { parseImageReference, repositoryName } from './image-reference.ts';

/** A URL-ish string split the way Go's url.Parse splits `https://<it>`: authority host and decoded path. */
interface Location {
  readonly host: string;
  readonly path: string;
}

/** What a credential key is compared with: the image's location and whether Docker Hub's fallback applies. */
interface Target {
  readonly location: Location;
  readonly defaultRegistry: boolean;
}

interface KeyEntry {
  readonly pattern: string;
  readonly key: string;
  readonly position: number;
}

// The keyring files Docker Hub credentials under this host (config.json writes `https://index.docker.io/v1/`).
const dockerHubCredentialHost = 'index.docker.io';

// Characters Go's url.Parse accepts in a host (unreserved, sub-delims, ':', brackets, and a few it tolerates).
const urlHostPattern = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"\u0080-\uffff]*$/;
// eslint-disable-next-line no-control-regex -- url.Parse refuses control characters anywhere in the string.
const controlCharacterPattern = /[\u0000-\u001f\u007f]/;
// The documentation writes some images as a bare registry host (`abc.kubernetes.io`), meaning any repository on it.
const bareHostPattern = /^(?:\[[0-9A-Fa-f:]+\]|[^/@:[\]]+)(?::[0-9]*)?$/;

/** Whether a config.json `auths` key would make the kubelet offer its credentials for an image, were it the only key. */
export function credentialKeyMatches(pattern: string, image: string): boolean {
  return matchingCredentialKeys([pattern], image).length > 0;
}

/**
 * Every key whose credentials the kubelet tries for an image, in the order it tries them; `image` is a
 * reference, or a bare registry host (`abc.kubernetes.io`) standing for any repository on that host.
 */
export function matchingCredentialKeys(keys: ReadonlyArray<string>, image: string): ReadonlyArray<string> {
  const target = credentialTarget(image);
  if (target === undefined) return [];
  // Order: the keyring sorts its normalised keys in reverse byte order, so a longer path under the same host
  // (`my-registry.io/images/subpath`) comes before its prefix (`my-registry.io/images`) and a literal label
  // before a `*` (which sorts low). Keys that normalise to the same string (`https://r.io/v1/` and `r.io`) share
  // one entry and keep the order they were given in. cred.all-matches-tried: every match is tried in turn.
  // Pod imagePullSecrets come before the node's config.json (a union keyring); call once per source for that.
  const entries = keys
    .flatMap((pattern, position): ReadonlyArray<KeyEntry> => {
      const key = keyringKey(pattern);
      return key === undefined ? [] : [{ pattern, key, position }];
    })
    .sort((a, b) => compareCodePoints(b.key, a.key) || a.position - b.position);
  const matched = entries.filter((entry) => keyMatches(entry.key, target.location));
  if (matched.length > 0) return matched.map((entry) => entry.pattern);
  // Only when no key matched, Docker Hub images fall back to credentials filed under index.docker.io, which
  // never match `docker.io/...` by glob (three labels against two).
  if (!target.defaultRegistry) return [];
  return entries.filter((entry) => entry.key === dockerHubCredentialHost).map((entry) => entry.pattern);
}

/** The key the keyring files a config.json entry under: scheme dropped, `/v1/` or `/v2/` folded to the host. */
function keyringKey(pattern: string): string | undefined {
  const schemeless = pattern.startsWith('https://')
    ? pattern.slice('https://'.length)
    : pattern.startsWith('http://')
      ? pattern.slice('http://'.length)
      : pattern;
  const location = parseLocation(schemeless);
  if (location === undefined) return undefined;
  const path =
    location.path.startsWith('/v1/') || location.path.startsWith('/v2/') ? location.path.slice(3) : location.path;
  return path.length > 0 && path !== '/' ? location.host + path : location.host;
}

/** The image as the keyring sees it: the fully qualified repository name, tag and digest dropped. */
function credentialTarget(image: string): Target | undefined {
  const bareHost = bareHostPattern.exec(image);
  const hostName = bareHost === null ? undefined : image.replace(/:[0-9]*$/, '');
  if (hostName !== undefined && (hostName.includes('.') || hostName === 'localhost' || hostName.startsWith('['))) {
    const location = parseLocation(image);
    return location === undefined ? undefined : { location, defaultRegistry: isDefaultRegistryName(`${image}/`) };
  }
  // The kubelet looks credentials up under the normalised name (`busybox:1.36` → `docker.io/library/busybox`),
  // so a `docker.io` key covers Docker Hub short names. An invalid reference never gets this far: the kubelet
  // stops at InvalidImageName before any pull.
  const parsed = parseImageReference(image);
  if (parsed.status === 'invalid') return undefined;
  const name = repositoryName(parsed.reference);
  const location = parseLocation(name);
  return location === undefined ? undefined : { location, defaultRegistry: isDefaultRegistryName(name) };
}

/** The keyring's Docker Hub test: a first component without `.` or `:` counts, so `localhost/app` does too. */
function isDefaultRegistryName(name: string): boolean {
  const slash = name.indexOf('/');
  const first = slash === -1 ? name : name.slice(0, slash);
  if (first.length === 0) return false;
  if (slash === -1 || first === 'docker.io' || first === dockerHubCredentialHost) return true;
  return !first.includes('.') && !first.includes(':');
}

function parseLocation(schemeless: string): Location | undefined {
  if (controlCharacterPattern.test(schemeless)) return undefined;
  // A fragment, then a query, is cut off first: a `?` glob in a key therefore ends its host.
  const withoutFragment = schemeless.split('#', 1)[0] ?? '';
  const rest = withoutFragment.split('?', 1)[0] ?? '';
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (!validUrlHost(host)) return undefined;
  const path = decodePath(slash === -1 ? '' : rest.slice(slash));
  return path === undefined ? undefined : { host, path };
}

function validUrlHost(host: string): boolean {
  if (!urlHostPattern.test(host)) return false;
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    return close !== -1 && /^(?::[0-9]*)?$/.test(host.slice(close + 1));
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 || /^:[0-9]*$/.test(host.slice(colon));
}

function decodePath(raw: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    // Go decodes the bytes without checking UTF-8; keeping the raw text is close enough for matching.
    return raw;
  }
}

/** The keyring's URLsMatch: equal ports, equal label counts, each label globbed, the key's path a raw prefix. */
function keyMatches(key: string, target: Location): boolean {
  const glob = parseLocation(key);
  if (glob === undefined) return false;
  const globHost = splitHostPort(glob.host);
  const targetHost = splitHostPort(target.host);
  // Ports are compared as strings: a key without a port does not cover `host:5000`, and the other way round.
  if (globHost.port !== targetHost.port) return false;
  // cred.glob-label-count / cred.glob-excludes-apex / cred.glob-depth-exact: one glob per label, no more, no fewer.
  if (globHost.labels.length !== targetHost.labels.length) return false;
  // cred.path-prefix: a raw string prefix, so `my-registry.io/images` also covers `my-registry.io/images-old/app`.
  if (!target.path.startsWith(glob.path)) return false;
  // cred.glob-any-position / cred.glob-partial-label: a shell glob per label; case-sensitive, `*` stays in its label.
  return globHost.labels.every((label, index) => globMatches(label, targetHost.labels[index] ?? ''));
}

/** Go's net.SplitHostPort, falling back to the whole host and no port when it refuses the string. */
function splitHostPort(hostPort: string): { readonly labels: ReadonlyArray<string>; readonly port: string } {
  const whole = { labels: hostPort.split('.'), port: '' };
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1 || hostPort[close + 1] !== ':') return whole;
    return { labels: hostPort.slice(1, close).split('.'), port: hostPort.slice(close + 2) };
  }
  const colon = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, colon);
  if (colon === -1 || host.includes(':') || /[[\]]/.test(host)) return whole;
  return { labels: host.split('.'), port: hostPort.slice(colon + 1) };
}

type GlobToken =
  | { readonly type: 'star' }
  | { readonly type: 'any' }
  | { readonly type: 'literal'; readonly char: string }
  | { readonly type: 'class'; readonly negated: boolean; readonly ranges: ReadonlyArray<readonly [string, string]> };

/** Go's filepath.Match on one label: `*`, `?`, `[a-z]`, `[^…]`, `\` escapes; a malformed pattern matches nothing. */
function globMatches(pattern: string, name: string): boolean {
  const tokens = tokenizeGlob(codePoints(pattern));
  if (tokens === undefined) return false;
  const chars = codePoints(name);
  // reachable[j]: the tokens consumed so far can match the first j characters of the name.
  let reachable: ReadonlyArray<boolean> = Array.from({ length: chars.length + 1 }, (_, j) => j === 0);
  for (const token of tokens) {
    const next = reachable.map(() => false);
    for (let j = 0; j <= chars.length; j++) {
      if (token.type === 'star') {
        // `*` extends over any characters except the path separator, which Go's Match never crosses.
        next[j] = reachable[j] === true || (j > 0 && next[j - 1] === true && chars[j - 1] !== '/');
      } else if (j > 0 && reachable[j - 1] === true) {
        next[j] = tokenMatchesChar(token, chars[j - 1] ?? '');
      }
    }
    reachable = next;
  }
  return reachable[chars.length] === true;
}

function tokenMatchesChar(token: Exclude<GlobToken, { type: 'star' }>, char: string): boolean {
  switch (token.type) {
    case 'any':
      return char !== '/';
    case 'literal':
      return token.char === char;
    case 'class': {
      const code = char.codePointAt(0) ?? -1;
      const inRange = token.ranges.some(
        ([low, high]) => (low.codePointAt(0) ?? 0) <= code && code <= (high.codePointAt(0) ?? -1),
      );
      return char !== '/' && inRange !== token.negated;
    }
  }
}

function tokenizeGlob(chars: ReadonlyArray<string>): ReadonlyArray<GlobToken> | undefined {
  const tokens: GlobToken[] = [];
  let i = 0;
  // Reads one (possibly escaped) class character; Go refuses an unescaped `-` or `]` here, and a class left open.
  const classChar = (): string | undefined => {
    let char = chars[i];
    if (char === undefined || char === '-' || char === ']') return undefined;
    if (char === '\\') {
      i++;
      char = chars[i];
      if (char === undefined) return undefined;
    }
    i++;
    return i < chars.length ? char : undefined;
  };
  while (i < chars.length) {
    const char = chars[i] ?? '';
    i++;
    if (char === '*') {
      tokens.push({ type: 'star' });
    } else if (char === '?') {
      tokens.push({ type: 'any' });
    } else if (char === '\\') {
      const escaped = chars[i];
      if (escaped === undefined) return undefined;
      i++;
      tokens.push({ type: 'literal', char: escaped });
    } else if (char === '[') {
      const negated = chars[i] === '^';
      if (negated) i++;
      const ranges: Array<readonly [string, string]> = [];
      while (!(chars[i] === ']' && ranges.length > 0)) {
        const low = classChar();
        if (low === undefined) return undefined;
        let high = low;
        if (chars[i] === '-') {
          i++;
          const rangeEnd = classChar();
          if (rangeEnd === undefined) return undefined;
          high = rangeEnd;
        }
        ranges.push([low, high]);
      }
      i++;
      tokens.push({ type: 'class', negated, ranges });
    } else {
      tokens.push({ type: 'literal', char });
    }
  }
  return tokens;
}

// Go's Match and sort work on runes and UTF-8 bytes, so split into code points, not UTF-16 units or graphemes.
function codePoints(text: string): ReadonlyArray<string> {
  return Array.from(text);
}

/** Byte-order comparison of UTF-8 strings (Go's sort.Strings), which is code-point order. */
function compareCodePoints(a: string, b: string): number {
  const left = codePoints(a);
  const right = codePoints(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
