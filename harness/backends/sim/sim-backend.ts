/**
 * The `sim` backend: runs a scenario on the in-process kubelet simulator, on a virtual clock.
 * Deterministic without jitter; with a seed (and jitter left on) latencies are drawn from a seeded
 * PRNG inside the windows the reference model assumes. Realistic mode looks like a real node: a
 * namespace, pod UID and node name of its own, real-looking pull durations and image sizes, its
 * runtime's error texts and probe output, milliseconds on every runtime call, clock phases drawn per
 * scenario (latencies.ts, node-identity.ts, node-texts.ts). Never throws: a scenario it cannot run is
 * an `unknown` outcome.
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { Backend, RunOptions, RunOutcome } from '../backend.ts';
import { toMs } from './clock.ts';
import { parseDeviations } from './deviations.ts';
import { scheduledMessage } from './events.ts';
import type { LatencyMode } from './latencies.ts';
import { buildPodInfo } from './pod-info.ts';
import { World } from './world.ts';

/** Options of one simulated run. */
export interface SimOptions {
  /** deviation names from `simDeviations` */
  readonly deviations?: ReadonlyArray<string>;
  /** seed of the latency PRNG */
  readonly seed?: number;
  /** draw latencies from the seeded PRNG; default: on when a seed is given */
  readonly jitter?: boolean;
  /**
   * look like a real node (implies jitter): drawn namespace (unless the manifest names one), pod UID
   * and node name, real pull durations and sizes, runtime texts, ms overheads, random clock phases.
   * Without a seed the draws are seeded from the scenario's id, so a case always sees the same node.
   */
  readonly realistic?: boolean;
  readonly signal?: AbortSignal;
}

/** Stops a run that would not end (a scenario of absurd length), long before memory runs out. */
const maxEvents = 20_000_000;

/** How precise the simulator's times are, in seconds. */
export const simClockResolutionSeconds = 0.001;

/** Runs one scenario synchronously and returns what the simulated node showed. */
export function simulate(scenario: Scenario, options: SimOptions = {}): RunOutcome {
  const deviations = parseDeviations(options.deviations);
  if (deviations.status === 'error') return { status: 'unknown', reason: deviations.message };
  const built = buildPodInfo(scenario, deviations.flags);
  if (built.status === 'invalid')
    return { status: 'unknown', reason: `the API server would reject the pod: ${built.reason}` };
  if (!(scenario.observeForSeconds >= 0) || !Number.isFinite(scenario.observeForSeconds)) {
    return {
      status: 'unknown',
      reason: `observeFor must be a finite number of seconds, got ${scenario.observeForSeconds}`,
    };
  }
  const realistic = options.realistic === true;
  const jitter = realistic || (options.jitter ?? options.seed !== undefined);
  const mode: LatencyMode = realistic ? 'realistic' : jitter ? 'jitter' : 'nominal';
  const seed = options.seed ?? (realistic ? stringSeed(scenario.id) : 0);
  try {
    const w = new World(scenario, built.pod, scenario.node, deviations.flags, mode, seed);
    w.obs.pod('created');
    w.obs.event(
      'Normal',
      'Scheduled',
      scheduledMessage(w.messageNamespace, built.pod.name, w.identity.nodeName),
      undefined,
    );
    w.worker.begin();
    for (const action of scenario.actions) {
      w.clock.at(toMs(action.atSeconds), () => {
        w.api.delete(action.gracePeriodSeconds);
      });
    }
    let events = 0;
    let stop: string | undefined;
    events = w.clock.runUntil(toMs(scenario.observeForSeconds), () => {
      if (options.signal?.aborted === true) stop = 'aborted';
      else if (w.clock.pending > maxEvents) stop = 'too many pending events';
      return stop !== undefined;
    });
    if (stop !== undefined)
      return { status: 'unknown', reason: `sim run stopped: ${stop}`, detail: `${events} events run` };
    if (w.api.exists) w.status.captureFinal();
    return {
      status: 'observed',
      observation: {
        points: w.obs.points,
        final: w.obs.final ?? {},
        events: w.obs.events,
        clock: { resolution: simClockResolutionSeconds },
      },
    };
  } catch (error) {
    return {
      status: 'unknown',
      reason: 'the simulator failed on this scenario',
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

/** A 32-bit seed from a string (FNV-1a), for realistic runs given no seed. */
function stringSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Configuration of the sim backend. */
export interface SimBackendConfig {
  /** false: ignore seeds and always run with nominal latencies (unless realistic) */
  readonly jitter?: boolean;
  /** run every scenario on a realistic node (SimOptions.realistic); seeds still replay exactly */
  readonly realistic?: boolean;
}

/** The in-process simulator behind the Backend interface. */
export function createSimBackend(config: SimBackendConfig = {}): Backend {
  return {
    name: 'sim',
    clockResolutionSeconds: simClockResolutionSeconds,
    setUp: () => Promise.resolve({ status: 'ready' }),
    run: (scenario: Scenario, options: RunOptions = {}) =>
      Promise.resolve(
        simulate(scenario, {
          ...(options.deviations === undefined ? {} : { deviations: options.deviations }),
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          jitter: config.jitter !== false && options.seed !== undefined,
          realistic: config.realistic === true,
        }),
      ),
    tearDown: () => Promise.resolve(),
  };
}
