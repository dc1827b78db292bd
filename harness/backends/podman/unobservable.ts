/**
 * The point names podman 4.3 cannot show at all (PODMAN.md §2, §3.5). A check that needs one is `unknown`. Points
 * podman can show and gets wrong are NOT here: a hook handler or an exec probe the compiled pod marks from inside
 * the container leaves a marker whenever it runs, so a missing `preStop.started` is podman never running the hook
 * (a failure with the hook rule named), not something the suite could not see.
 */
export const podmanUnobservablePoints: ReadonlyArray<string> = [
  // No registry on the node, and podman logs an `image pull` event even when it pulls nothing (PODMAN.md §3.2).
  'pullStarted',
  'pulled',
  'pullFailed',
  // Podman has no readiness and no pod conditions (readinessProbe ignored, no Ready/Initialized; PODMAN.md §2).
  'ready',
  'unready',
  'initialized',
  // Reaching the startup probe's success threshold is the kubelet's own state; podman 4.3 ignores startupProbe, and
  // no marker can say "threshold reached" (each run is `startupProbe.ran`, which stays observable).
  'startupProbe.succeeded',
  // A podman pod is never deleted as an API object: stopping it (how a delete is realised) leaves it in place, and a
  // `pod rm` afterwards would time the suite's own clean-up, not anything a kubelet decides.
  'gone',
];
