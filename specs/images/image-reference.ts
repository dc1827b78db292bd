/**
 * Container image references as the API server and the kubelet read them: the docker/distribution
 * grammar that Kubernetes parses with (`ParseNormalizedNamed`), the canonical key two spellings of
 * one image share on a node, and the short form used in messages.
 * Rules: image.name-forms, image.default-registry, image.default-tag-latest, image.tag-syntax,
 * image.digest-pins-content (RULES.md "Images & pulls"; KUBELET-FACTS §9.1, §9.2).
 */

/** An image reference split into its parts, each exactly as written: no registry, `library/` or tag is filled in. */
export interface ImageReference {
  /** `host[:port]`, present when the first path component is a registry (see `parseImageReference`) */
  readonly registry?: string;
  /** the repository path below the registry, e.g. `busybox` or `team/app` */
  readonly path: string;
  readonly tag?: string;
  /** `algorithm:hex`, e.g. `sha256:45b2…` */
  readonly digest?: string;
}

/** The outcome of parsing an image reference: its parts, or why it is not a valid reference. */
export type ImageReferenceParse =
  | { readonly status: 'ok'; readonly reference: ImageReference }
  | { readonly status: 'invalid'; readonly message: string };

const dockerHubRegistry = 'docker.io';
// Kubernetes and Docker rewrite the old "Docker Index" host to docker.io (image.default-registry).
const legacyDockerHubRegistry = 'index.docker.io';
// Single-component Docker Hub names live under `library/` (busybox ≡ docker.io/library/busybox).
const officialRepositoryPrefix = 'library/';
const defaultTag = 'latest';
const maxRepositoryNameLength = 255;

const hostLabel = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
// A DNS name or a bracketed IPv6 address, then an optional numeric port (image.name-forms).
const registryPattern = new RegExp(`^(?:${hostLabel}(?:\\.${hostLabel})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
// Lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`; upper case is never allowed in a path.
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// image.tag-syntax: letters, digits, `_`, `.`, `-`; the first is not `.` or `-`; at most 128 characters.
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})$/;
// The algorithms go-digest can verify; any other algorithm fails to parse ("unsupported digest algorithm").
const digestHexLength: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);
// A bare 64-hex string is an image ID, which Kubernetes refuses as a repository name.
const imageIdPattern = /^[a-f0-9]{64}$/;

const invalid = (message: string): ImageReferenceParse => ({ status: 'invalid', message });

/**
 * A bounded memo for the pure functions of a reference string. The model compares and defaults the same few
 * images at every start and cache lookup (thousands of times per prediction), and the grammar's regular
 * expressions dominated that; results are immutable, so sharing them is safe. Cleared when full, not LRU: the
 * working set is a handful of images per scenario.
 */
function memoized<T>(compute: (ref: string) => T): (ref: string) => T {
  const memo = new Map<string, T>();
  return (ref) => {
    const hit = memo.get(ref);
    if (hit !== undefined || memo.has(ref)) return hit as T;
    if (memo.size >= 1024) memo.clear();
    const value = compute(ref);
    memo.set(ref, value);
    return value;
  };
}

/**
 * Parses an image reference `[registry/]path[:tag][@digest]`; the first path component is a registry when it
 * contains `.` or `:`, is `localhost`, or has an upper-case letter.
 */
export const parseImageReference: (ref: string) => ImageReferenceParse = memoized(parseUncached);

function parseUncached(ref: string): ImageReferenceParse {
  if (ref.length === 0) return invalid('image reference is empty');
  if (imageIdPattern.test(ref)) return invalid(`"${ref}" is a 64-character hex image ID, not a repository name`);

  const at = ref.indexOf('@');
  const nameAndTag = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? undefined : ref.slice(at + 1);

  // image.name-forms: only a colon after the last '/' separates a tag; `host:5000/app` has a port, not a tag.
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;

  // Upper case also marks a registry (distribution's splitDockerDomain): Docker Hub namespaces are lower case,
  // so `Registry/app` cannot be a Docker Hub path and is read as a host instead.
  const slash = name.indexOf('/');
  const first = slash === -1 ? undefined : name.slice(0, slash);
  const registry =
    first !== undefined &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
      ? first
      : undefined;
  const path = registry === undefined ? name : name.slice(registry.length + 1);

  if (registry !== undefined && !registryPattern.test(registry)) {
    return invalid(`registry "${registry}" is not a valid host[:port]`);
  }
  if (path.length === 0) return invalid(`"${ref}" has no repository path`);
  if (path !== path.toLowerCase()) return invalid(`repository path "${path}" must be lower case`);
  const badComponent = path.split('/').find((component) => !pathComponentPattern.test(component));
  if (badComponent !== undefined) {
    return invalid(
      `path component "${badComponent}" of "${path}" must be lower-case letters and digits joined by '.', '_', '__' or '-'`,
    );
  }
  const fullName = repositoryName({ path, ...(registry === undefined ? {} : { registry }) });
  if (fullName.length > maxRepositoryNameLength) {
    return invalid(`repository name "${fullName}" is longer than ${maxRepositoryNameLength} characters`);
  }
  if (tag !== undefined && !tagPattern.test(tag)) {
    return invalid(`tag "${tag}" must be 1-128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`);
  }
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem !== undefined) return invalid(problem);
  }
  return {
    status: 'ok',
    reference: {
      path,
      ...(registry === undefined ? {} : { registry }),
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest }),
    },
  };
}

function digestProblem(digest: string): string | undefined {
  const match = digestPattern.exec(digest);
  const algorithm = match?.[1];
  const hex = match?.[2];
  if (algorithm === undefined || hex === undefined) return `digest "${digest}" must be algorithm:hex`;
  const length = digestHexLength.get(algorithm);
  if (length === undefined) return `digest algorithm "${algorithm}" is not supported (sha256, sha384, sha512)`;
  // go-digest accepts only lower-case hex of the algorithm's exact length (image.digest-pins-content).
  if (hex.length !== length || hex !== hex.toLowerCase()) {
    return `${algorithm} digest must be ${length} lower-case hex characters`;
  }
  return undefined;
}

/** The fully qualified repository name the kubelet pulls and looks credentials up for, e.g. `docker.io/library/busybox`. */
export function repositoryName(reference: ImageReference): string {
  // image.default-registry: no registry means Docker Hub, whose legacy host name is folded in too.
  const registry =
    reference.registry === undefined || reference.registry === legacyDockerHubRegistry
      ? dockerHubRegistry
      : reference.registry;
  const path =
    registry === dockerHubRegistry && !reference.path.includes('/')
      ? officialRepositoryPrefix + reference.path
      : reference.path;
  return `${registry}/${path}`;
}

/**
 * The key a node compares images by (`docker.io/library/busybox:latest`, `registry/app@sha256:…`), or undefined
 * when the reference does not parse.
 */
export const normalizeImageReference: (ref: string) => string | undefined = memoized(normalizeUncached);

function normalizeUncached(ref: string): string | undefined {
  const parsed = parseImageReference(ref);
  if (parsed.status === 'invalid') return undefined;
  const { digest, tag } = parsed.reference;
  const name = repositoryName(parsed.reference);
  // image.digest-pins-content: a digest names the content, so in `name:tag@digest` the tag is only decoration
  // (the runtime resolves by digest and ignores it).
  if (digest !== undefined) return `${name}@${digest}`;
  // image.default-tag-latest: `latest` is assumed only when there is neither a tag nor a digest.
  return `${name}:${tag ?? defaultTag}`;
}

/** Whether two references name the same image on a node; a digest reference matches only the same repository and digest. */
export function sameImage(a: string, b: string): boolean {
  const keyA = normalizeImageReference(a);
  // An invalid reference names nothing the node could hold (the kubelet stops at InvalidImageName).
  return keyA !== undefined && keyA === normalizeImageReference(b);
}

/**
 * The short Docker form for messages (`docker.io/library/busybox` → `busybox`), keeping the tag and digest as
 * written and adding none; an invalid reference is returned unchanged.
 */
export function familiarName(ref: string): string {
  const parsed = parseImageReference(ref);
  if (parsed.status === 'invalid') return ref;
  const { tag, digest } = parsed.reference;
  const fullName = repositoryName(parsed.reference);
  const hubPrefix = `${dockerHubRegistry}/`;
  let name = fullName;
  const hubPath = fullName.slice(hubPrefix.length);
  const hubNamespace = hubPath.split('/', 1)[0] ?? '';
  // Unlike Docker's FamiliarName, keep `docker.io/` when dropping it would make the namespace read as a
  // registry (`docker.io/0.a/app`), so the short form still names the same image.
  if (fullName.startsWith(hubPrefix) && !hubNamespace.includes('.') && hubNamespace !== 'localhost') {
    name = hubPath;
    const official = name.slice(officialRepositoryPrefix.length);
    if (name.startsWith(officialRepositoryPrefix) && !official.includes('/')) name = official;
  }
  return `${name}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
}
