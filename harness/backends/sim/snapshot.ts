/**
 * The pod cache as one relist saw it: per container the newest instance, the one before it, and
 * the newest exited one, each with its state at that relist (KUBELET-FACTS §1.3, Corrections 5).
 * Syncs decide from this, not from the live runtime.
 */
import type { Ms } from './clock.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { Instance, Runtime, RuntimeState } from './runtime.ts';

/** One container in the snapshot. */
export interface ContainerView {
  readonly latest: Instance | undefined;
  readonly latestState: RuntimeState | undefined;
  readonly previous: Instance | undefined;
  readonly previousState: RuntimeState | undefined;
  readonly newestExited: Instance | undefined;
}

const empty: ContainerView = {
  latest: undefined,
  latestState: undefined,
  previous: undefined,
  previousState: undefined,
  newestExited: undefined,
};

/** The runtime's state at `asOf`, indexed like PodInfo.all. */
export class Snapshot {
  readonly views: ReadonlyArray<ContainerView>;

  constructor(
    runtime: Runtime,
    all: ReadonlyArray<ContainerInfo>,
    readonly asOf: Ms,
  ) {
    this.views = all.map((c) => view(runtime.instancesOf(c), asOf));
  }

  of(c: ContainerInfo): ContainerView {
    return this.views[c.index] ?? empty;
  }

  /** Instances running at `asOf`, in spec order (ConvertPodStatusToRunningPod). */
  running(all: ReadonlyArray<ContainerInfo>): Instance[] {
    const out: Instance[] = [];
    for (const c of all) {
      const v = this.of(c);
      if (v.latest !== undefined && v.latestState === 'running') out.push(v.latest);
    }
    return out;
  }
}

function view(list: ReadonlyArray<Instance>, asOf: Ms): ContainerView {
  let latest: Instance | undefined;
  let previous: Instance | undefined;
  let newestExited: Instance | undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const inst = list[i];
    if (inst === undefined || inst.createdAt > asOf) continue;
    if (latest === undefined) latest = inst;
    else if (previous === undefined) previous = inst;
    if (newestExited === undefined && inst.stateAsOf(asOf) === 'exited') newestExited = inst;
    if (previous !== undefined && newestExited !== undefined) break;
  }
  if (latest === undefined) return empty;
  return {
    latest,
    latestState: latest.stateAsOf(asOf),
    previous,
    previousState: previous?.stateAsOf(asOf),
    newestExited,
  };
}
