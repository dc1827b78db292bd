/** Arbitrary `imagePullPolicy` values, including the field left out, and the API server's defaulting of it. */
import fc from 'fast-check';
import type { Container, PullPolicy } from '../specs/vocabulary/index.ts';
import { parseImage } from './image.ts';
import { simplestFirst } from './maybe.ts';

/** Options for {@link pullPolicy}. */
export interface PullPolicyConstraints {
  /** Allow leaving the field out (default true; it is drawn first). */
  readonly omitted?: boolean;
  /** Policies to draw from (default Always, IfNotPresent, Never). */
  readonly policies?: ReadonlyArray<PullPolicy>;
}

/** A pull policy as written: `undefined` means the field is left out and the API server defaults it. */
export function pullPolicy(constraints: PullPolicyConstraints = {}): fc.Arbitrary<PullPolicy | undefined> {
  const policies = constraints.policies ?? ['IfNotPresent', 'Always', 'Never'];
  const written = fc.constantFrom(...policies);
  return (constraints.omitted ?? true) ? fc.oneof(simplestFirst, fc.constant(undefined), written) : written;
}

/** The policy the API server stores: `:latest`, or neither tag nor digest, gives Always; anything else IfNotPresent. */
export function effectivePullPolicy(container: Pick<Container, 'image' | 'imagePullPolicy'>): PullPolicy {
  if (container.imagePullPolicy !== undefined) return container.imagePullPolicy;
  const { tag, digest } = parseImage(container.image);
  // The tag decides even when a digest is present (`name:latest@sha256:…` → Always), KUBELET-FACTS §9.1.
  if (tag === 'latest' || (tag === undefined && digest === undefined)) return 'Always';
  return 'IfNotPresent';
}
