/** Arbitrary container image references: tags, `:latest`, no tag, digests, tag plus digest, private registries. */
import fc from 'fast-check';

/** How an image reference is written; the API server's pull-policy defaulting depends on it (KUBELET-FACTS §9.1). */
export type ImageForm = 'tag' | 'latest' | 'untagged' | 'digest' | 'tagAndDigest';

/** The image every generated container uses unless told otherwise: busybox, as the project's cases do. */
export const defaultImage = 'busybox:1.36';

/** Options for {@link image}. */
export interface ImageConstraints {
  /** Repositories to draw from, first = simplest (default public names, then private registries). */
  readonly repositories?: ReadonlyArray<string>;
  /** Reference forms to draw from, first = simplest (default all). */
  readonly forms?: ReadonlyArray<ImageForm>;
  /** Tags for the `tag` forms (default 1.36, 1.35, 3.19). */
  readonly tags?: ReadonlyArray<string>;
}

const publicRepositories: ReadonlyArray<string> = ['busybox', 'nginx', 'alpine'];
const privateRepositories: ReadonlyArray<string> = ['registry.example.com/team/app', 'localhost:5000/tools/probe'];
const allForms: ReadonlyArray<ImageForm> = ['tag', 'latest', 'untagged', 'digest', 'tagAndDigest'];

/** A `sha256:` digest of 64 hex digits, expanded from a 32-bit seed (cheaper than drawing 64 characters). */
export function digestFromSeed(seed: number): string {
  let x = seed >>> 0 || 0x9e3779b9;
  let hex = '';
  while (hex.length < 64) {
    // xorshift32: deterministic, so the same seed always gives the same digest
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    hex += x.toString(16).padStart(8, '0');
  }
  return `sha256:${hex.slice(0, 64)}`;
}

/** A few digests, made once: which digest an image carries does not matter to the lifecycle, only that it has one. */
const digests: ReadonlyArray<string> = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => digestFromSeed(seed * 0x2545f491));

/** An image reference, as written in a pod spec. */
export function image(constraints: ImageConstraints = {}): fc.Arbitrary<string> {
  const repositories = constraints.repositories ?? [...publicRepositories, ...privateRepositories];
  const forms = constraints.forms ?? allForms;
  const tags = constraints.tags ?? ['1.36', '1.35', '3.19'];
  return fc
    .tuple(
      fc.constantFrom(...repositories),
      fc.constantFrom(...forms),
      fc.constantFrom(...tags),
      fc.constantFrom(...digests),
    )
    .map(([repository, form, tag, digest]) => {
      switch (form) {
        case 'tag':
          return `${repository}:${tag}`;
        case 'latest':
          return `${repository}:latest`;
        case 'untagged':
          return repository;
        case 'digest':
          return `${repository}@${digest}`;
        case 'tagAndDigest':
          return `${repository}:${tag}@${digest}`;
      }
    });
}

/** The parts of an image reference. */
export interface ImageParts {
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

// Generated scenarios draw their images from a small pool, so parsing each distinct reference once pays off.
const parsed = new Map<string, ImageParts>();

/** Splits a reference into repository, tag and digest; the tag is only looked for after the last `/`. */
export function parseImage(reference: string): ImageParts {
  let parts = parsed.get(reference);
  if (parts === undefined) {
    parts = splitImage(reference);
    if (parsed.size < 4096) parsed.set(reference, parts);
  }
  return parts;
}

function splitImage(reference: string): ImageParts {
  const at = reference.indexOf('@');
  const beforeDigest = at < 0 ? reference : reference.slice(0, at);
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : undefined;
  return { repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** The reference as the node stores it: `:latest` added when neither tag nor digest is written (§9.2 step 1). */
export function normalizeImage(reference: string): string {
  const { tag, digest } = parseImage(reference);
  return tag === undefined && digest === undefined ? `${reference}:latest` : reference;
}
