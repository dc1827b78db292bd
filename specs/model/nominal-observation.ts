/** The prediction as one observation: every point and value at its most likely time and value. */
import {
  fillTemplate,
  formatPointRef,
  type Observation,
  type ObservedContainer,
  type Prediction,
} from '../vocabulary/index.ts';

export function nominalObservation(prediction: Prediction): Observation {
  const points = prediction.points
    .filter((p) => p.nominal && p.atSeconds <= prediction.observeForSeconds)
    .map((p) => ({ point: formatPointRef(p.ref), t: p.atSeconds }));
  const containers: Record<string, ObservedContainer> = {};
  for (const [name, c] of Object.entries(prediction.final.containers)) {
    const reason = c.reason.nominal;
    const exitCode = c.exitCode.nominal;
    containers[name] = {
      state: c.state.nominal,
      ...(reason !== undefined ? { reason } : {}),
      ...(exitCode !== undefined ? { exitCode } : {}),
      restartCount: c.restartCount.nominal,
      ready: c.ready.nominal,
      everStarted: c.everStarted.nominal,
    };
  }
  const conditions = Object.fromEntries(
    Object.entries(prediction.final.conditions).map(([type, c]) => [
      type,
      { status: c.status.nominal, ...(c.reason.nominal !== undefined ? { reason: c.reason.nominal } : {}) },
    ]),
  );
  return {
    points,
    final: {
      phase: prediction.final.phase.nominal,
      status: prediction.final.status.nominal,
      gone: prediction.final.gone.nominal,
      conditions,
      containers,
    },
    events: prediction.events
      .filter((e) => e.nominal)
      .map((e) => ({
        reason: e.reason,
        type: e.type,
        // what only a node knows (durations, sizes, UIDs, names, runtime texts) filled with example values
        message: fillTemplate(e.message),
        t: e.atSeconds,
        ...(e.container !== undefined ? { container: e.container } : {}),
      })),
    clock: { resolution: 0.001 },
  };
}
