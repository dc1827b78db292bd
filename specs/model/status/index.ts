/** Pure status functions: what the kubelet writes (phase, conditions, container states) and what kubectl prints. */
export type * from './api-view.ts';
export * from './phase.ts';
export * from './conditions.ts';
export * from './status-column.ts';
export * from './container-status.ts';
