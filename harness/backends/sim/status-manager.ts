/**
 * The kubelet's status manager: the status last written, propagated to the API at once while the
 * object exists. Readiness and startup results patch the cached status between syncs
 * (SetContainerReadiness, SetContainerStartup); TerminatePod finalises it (KUBELET-FACTS §5.5).
 * Points for readiness and initialisation are emitted here, when the API view changes.
 */
import type { ObservedContainer, ObservedFinal } from '../../../specs/vocabulary/index.ts';
import { conditionTypes } from '../../../specs/vocabulary/index.ts';
import { printPod } from './print-pod.ts';
import type { ApiContainerStatus, ApiPodStatus } from './status.ts';
import { containersReadyCondition } from './status.ts';
import type { World } from './world.ts';

/** The status manager of the one pod. */
export class StatusManager {
  current: ApiPodStatus | undefined;

  constructor(private readonly w: World) {}

  /** SetPodStatus: replaces the status; the API sees it if the object still exists. */
  setPodStatus(next: ApiPodStatus): void {
    const prev = this.current;
    this.current = next;
    if (!this.w.api.exists) return;
    const obs = this.w.obs;
    const wasInitialized = prev?.conditions.Initialized.status === 'True';
    if (next.conditions.Initialized.status === 'True' && !wasInitialized) obs.pod('initialized');
    for (const s of next.init) this.readinessPoint(prev?.init[s.c.listIndex], s);
    for (const s of next.regular) this.readinessPoint(prev?.regular[s.c.listIndex], s);
    this.podReadyPoint(prev?.conditions.Ready.status === 'True', next.conditions.Ready.status === 'True');
  }

  /** A readiness result for a container the cached status knows by its ID. */
  setContainerReadiness(containerId: number, ready: boolean): void {
    const cur = this.current;
    if (cur === undefined) return;
    const s = findById(cur, containerId);
    if (s === undefined || s.ready === ready) return;
    s.ready = ready;
    const wasReady = cur.conditions.Ready.status === 'True';
    const cond = containersReadyCondition(cur.init, cur.regular, cur.phase);
    cur.conditions.ContainersReady = cond;
    cur.conditions.Ready = cond;
    if (!this.w.api.exists) return;
    this.w.obs.container(s.c, ready ? 'ready' : 'unready');
    this.podReadyPoint(wasReady, cond.status === 'True');
  }

  /** A startup result for a container the cached status knows by its ID. */
  setContainerStartup(containerId: number, started: boolean): void {
    const cur = this.current;
    if (cur === undefined) return;
    const s = findById(cur, containerId);
    if (s !== undefined) s.started = started;
  }

  /** TerminatePod: containers without a terminated state become ContainerStatusUnknown, a non-terminal phase Failed. */
  terminatePod(): void {
    const cur = this.current;
    if (cur === undefined) return;
    const unknown = {
      type: 'terminated',
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      finishedAt: this.w.clock.now,
    } as const;
    if (hasPodInitialized(cur)) {
      for (const s of cur.regular) if (s.state.type !== 'terminated') s.state = unknown;
    }
    // every init container up to the last one that left Waiting (at least the first)
    let last = 0;
    for (let i = cur.init.length - 1; i >= 0; i--) {
      const s = cur.init[i];
      if (s !== undefined && (s.state.type !== 'waiting' || s.lastState !== undefined)) {
        last = i;
        break;
      }
    }
    for (let i = 0; i <= last && i < cur.init.length; i++) {
      const s = cur.init[i];
      if (s !== undefined && s.state.type !== 'terminated') s.state = unknown;
    }
    if (cur.phase === 'Pending' || cur.phase === 'Running') this.current = { ...cur, phase: 'Failed' };
  }

  /** Freezes the API view as the observation's final state. */
  captureFinal(): void {
    const w = this.w;
    const cur = this.current;
    const containers: Record<string, ObservedContainer> = {};
    const conditions: Record<string, { status: 'True' | 'False'; reason?: string }> = {};
    if (cur !== undefined) {
      for (const s of [...cur.init, ...cur.regular]) containers[s.c.name] = observedContainer(w, s);
      for (const type of conditionTypes) {
        const c = cur.conditions[type];
        conditions[type] = c.reason === '' ? { status: c.status } : { status: c.status, reason: c.reason };
      }
    }
    const final: ObservedFinal = {
      gone: !w.api.exists,
      containers,
      conditions,
      ...(cur === undefined ? {} : { phase: cur.phase, status: printPod(w, cur) }),
    };
    w.obs.final = final;
  }

  private readinessPoint(prev: ApiContainerStatus | undefined, next: ApiContainerStatus): void {
    const was = prev?.ready === true;
    if (was === next.ready) return;
    this.w.obs.container(next.c, next.ready ? 'ready' : 'unready');
  }

  private podReadyPoint(was: boolean, is: boolean): void {
    if (was !== is) this.w.obs.pod(is ? 'ready' : 'unready');
  }
}

function findById(status: ApiPodStatus, containerId: number): ApiContainerStatus | undefined {
  if (containerId === 0) return undefined;
  for (const s of status.regular) if (s.containerId === containerId) return s;
  for (const s of status.init) if (s.containerId === containerId) return s;
  return undefined;
}

/** status_manager.go hasPodInitialized, over the API view. */
function hasPodInitialized(status: ApiPodStatus): boolean {
  if (status.init.length === 0) return true;
  for (const s of status.regular) if (s.lastState !== undefined || s.state.type !== 'waiting') return true;
  const last = status.init[status.init.length - 1];
  if (last === undefined) return false;
  if (last.c.role === 'sidecar') return last.state.type === 'running';
  return last.state.type === 'terminated' && last.state.exitCode === 0;
}

function observedContainer(w: World, s: ApiContainerStatus): ObservedContainer {
  const everStarted = w.runtime.instancesOf(s.c).some((i) => i.startedAt >= 0);
  const st = s.state;
  switch (st.type) {
    case 'running':
      return { state: 'running', restartCount: s.restartCount, ready: s.ready, everStarted };
    case 'terminated':
      return {
        state: 'terminated',
        ...(st.reason === '' ? {} : { reason: st.reason }),
        exitCode: st.exitCode,
        restartCount: s.restartCount,
        ready: s.ready,
        everStarted,
      };
    case 'waiting':
      return {
        state: 'waiting',
        ...(st.reason === '' ? {} : { reason: st.reason }),
        restartCount: s.restartCount,
        ready: s.ready,
        everStarted,
      };
  }
}
