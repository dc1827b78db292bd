/** The reference model: a pure function from a scenario to a prediction. */
export { predict, type PredictOptions } from './predict.ts';
export { nominalObservation } from './nominal-observation.ts';
export { latencies } from './latencies.ts';
export { drawnObservation } from './drawn-observation.ts';
export { statusTimeline, type StatusStep } from './status-timeline.ts';
