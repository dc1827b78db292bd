/** The reference model: a pure function from a scenario to a prediction. */
export { predict, type PredictOptions } from './predict.ts';
export { nominalObservation } from './nominal-observation.ts';
export { latencies } from './latencies.ts';
export { drawnObservation } from './drawn-observation.ts';
export { statusTimeline, watchTimeline, type StatusStep, type WatchStep } from './status-timeline.ts';
export { profileFinal, profileFinals, type CornerProfile, type ProfileFinal } from './profile-finals.ts';
export type { FinalContainer, FinalState } from './final-state.ts';
