/** The `sim` backend: an operational kubelet simulator on a virtual clock, and its deviations. */
export { createSimBackend, simulate, simClockResolutionSeconds } from './sim-backend.ts';
export type { SimBackendConfig, SimOptions } from './sim-backend.ts';
export { pendingSimDeviations, simDeviations } from './deviations.ts';
export type { SimDeviation } from './deviations.ts';
