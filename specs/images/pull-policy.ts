/**
 * The imagePullPolicy a container ends up with: the API server's defaulting at creation
 * (`SetDefaults_Container`), the AlwaysPullImages admission plugin, and the set-once rule for image updates.
 * Rules: pull.default-policy-latest, pull.default-policy-no-tag, pull.default-policy-other-tag,
 * pull.default-policy-digest, pull.default-set-once, pull.always-pull-images-admission (KUBELET-FACTS §9.1).
 */
import type { PullPolicy } from '../vocabulary/scenario.ts';
import { parseImageReference } from './image-reference.ts';

/** The admission plugin that rewrites imagePullPolicy. */
export type PullPolicyAdmission = 'AlwaysPullImages';

/** A container's image, its policy field as written (absent: to be defaulted) and the admission plugin in force. */
export interface PullPolicyInput {
  readonly image: string;
  readonly explicitPolicy?: PullPolicy | undefined;
  readonly admission?: PullPolicyAdmission | undefined;
}

/** A container created with one image whose image is later changed to another. */
export interface ImageUpdateInput {
  readonly createdWith: string;
  readonly explicitPolicy?: PullPolicy | undefined;
  readonly updatedTo: string;
  readonly admission?: PullPolicyAdmission | undefined;
}

/** The policy the API server stores when the field is omitted: `Always` for tag `latest` or no tag and no digest, else `IfNotPresent`. */
export function defaultPullPolicy(image: string): PullPolicy {
  const parsed = parseImageReference(image);
  // The API server ignores the parse error (validation only rejects empty or space-padded images) and falls
  // through to IfNotPresent; the kubelet reports InvalidImageName later. So `BUSYBOX:latest` gets IfNotPresent.
  if (parsed.status === 'invalid') return 'IfNotPresent';
  const { tag, digest } = parsed.reference;
  // pull.default-policy-no-tag / pull.default-policy-digest: `latest` is assumed only when there is neither a
  // tag nor a digest, so `name@digest` is IfNotPresent while `name:latest@digest` keeps its tag and is Always.
  const effectiveTag = tag ?? (digest === undefined ? 'latest' : undefined);
  // pull.default-policy-latest: the comparison is exact, so `LATEST` and `latest-rc1` are other tags
  // (pull.default-policy-other-tag).
  return effectiveTag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The policy a container runs with: `Always` under AlwaysPullImages, else the explicit policy, else the default. */
export function effectivePullPolicy(input: PullPolicyInput): PullPolicy {
  // pull.always-pull-images-admission: the plugin overwrites every container's policy, explicit or not.
  if (input.admission === 'AlwaysPullImages') return 'Always';
  return input.explicitPolicy ?? defaultPullPolicy(input.image);
}

/** The policy after the image is changed by a patch: the one stored at creation, never re-defaulted from the new image. */
export function policyAfterImageUpdate(update: ImageUpdateInput): PullPolicy {
  // pull.always-pull-images-admission: the plugin also admits updates that bring a new image.
  if (update.admission === 'AlwaysPullImages') return 'Always';
  // pull.default-set-once: defaulting ran when the object was created and the stored field survives a patch of
  // `image`, so `updatedTo` is deliberately not consulted. (A full PUT without the field would be defaulted
  // again from the new image; for a pod that differing policy is then rejected as an immutable-field change.)
  return update.explicitPolicy ?? defaultPullPolicy(update.createdWith);
}
