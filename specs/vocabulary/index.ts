/** The vocabulary every part of podconform speaks: scenarios, points, expectations, observations, predictions. */
export * from './scenario.ts';
export * from './points.ts';
export * from './values.ts';
export * from './status.ts';
export * from './expectation.ts';
export * from './observation.ts';
export * from './prediction.ts';
export * from './message-template.ts';
