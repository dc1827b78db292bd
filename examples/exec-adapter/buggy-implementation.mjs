// A failing example: an implementation with a bug a vendor could really ship. It starts every init container at
// once, in the pod's first sync, instead of one at a time (the stand-in simulator with its `init-parallel`
// deviation plays that runtime).
//
// The rule it breaks is `init.sequential` (`npx podconform rules --area init`): each init container must exit 0
// before the next one is created. The suite catches it in two ways:
// - `podconform check`: every case tagged `rules: [init.sequential]` expects `order: [init1.exited, init2.created]`;
//   here init2 is created 0.2 s after the pod, long before init1 exits, so those cases FAIL;
// - `podconform run`: a generated pod with two init containers is predicted by the model, and the violation is
//   reported under its rule, `init.sequential: … should follow init1.exited …`, with a replay line and a shrunk case.
import { standInRuntime } from './stand-in-implementation.mjs';

export const runPod = standInRuntime(['init-parallel']);
