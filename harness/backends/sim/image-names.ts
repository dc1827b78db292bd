/**
 * Image references as the node sees them: Docker Hub normalisation (`busybox` is
 * `docker.io/library/busybox:latest`) and the API server's imagePullPolicy defaulting
 * (KUBELET-FACTS §9.1). Written here on purpose, apart from the reference model's own version.
 */
import type { PullPolicy } from '../../../specs/vocabulary/index.ts';

/** The parts of an image reference. */
export interface ImageRef {
  readonly domain: string;
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits a reference into registry domain, repository path, tag and digest. */
export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  // a colon before the last slash belongs to a registry port, not to a tag
  const hasTag = colon > slash;
  const repo = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  const firstSlash = repo.indexOf('/');
  const first = firstSlash >= 0 ? repo.slice(0, firstSlash) : '';
  const isDomain = firstSlash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = isDomain ? first : 'docker.io';
  let path = isDomain ? repo.slice(firstSlash + 1) : repo;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { domain, path, tag, digest };
}

// The reference grammar the kubelet parses with (distribution/reference), as the node applies it.
const pathComponent = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const domainPattern =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$/;
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

/** Whether the kubelet can add a default tag to the reference (applyDefaultImageTag); false: InvalidImageName. */
export function referenceParses(image: string): boolean {
  if (image === '' || /^[a-f0-9]{64}$/.test(image)) return false;
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const colon = named.lastIndexOf(':');
  const repo = colon > named.lastIndexOf('/') ? named.slice(0, colon) : named;
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined;
  const firstSlash = repo.indexOf('/');
  const first = firstSlash >= 0 ? repo.slice(0, firstSlash) : undefined;
  // an upper-case first component can only be a host: Docker Hub namespaces are lower case
  const hasDomain =
    first !== undefined &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const domain = hasDomain ? first : undefined;
  const path = hasDomain ? repo.slice(firstSlash + 1) : repo;
  return (
    (domain === undefined || domainPattern.test(domain)) &&
    path !== '' &&
    path.split('/').every((component) => pathComponent.test(component)) &&
    repo.length <= 255 &&
    (tag === undefined || tagPattern.test(tag)) &&
    (digest === undefined || digestPattern.test(digest))
  );
}

const normalized = new Map<string, string>();

/** The fully qualified form the image store keys on: `busybox` and `docker.io/library/busybox:latest` are one image. */
export function normalizeImage(image: string): string {
  const known = normalized.get(image);
  if (known !== undefined) return known;
  const result = normalize(image);
  // generated scenarios reuse a handful of images; the bound only guards against pathological input
  if (normalized.size < 10_000) normalized.set(image, result);
  return result;
}

function normalize(image: string): string {
  const ref = parseImageRef(image);
  // the runtime resolves a reference with a digest by the digest alone: the tag is dropped (ParseDockerRef)
  if (ref.digest !== undefined) return `${ref.domain}/${ref.path}@${ref.digest}`;
  return `${ref.domain}/${ref.path}:${ref.tag ?? 'latest'}`;
}

const defaulted = new Map<string, PullPolicy>();

/** What the API server fills in when imagePullPolicy is omitted: `:latest` or no tag and no digest -> Always. */
export function defaultPullPolicy(image: string): PullPolicy {
  const known = defaulted.get(image);
  if (known !== undefined) return known;
  const result = policyFor(image);
  if (defaulted.size < 10_000) defaulted.set(image, result);
  return result;
}

function policyFor(image: string): PullPolicy {
  const ref = parseImageRef(image);
  if (ref.tag === 'latest') return 'Always';
  if (ref.tag === undefined && ref.digest === undefined) return 'Always';
  return 'IfNotPresent';
}
