/**
 * What the simulated run shows the suite: points in time order, Events, and the final state (the
 * API status at observeFor, or the last one written before the object was removed).
 */
import type {
  ContainerPointName,
  EventType,
  ObservedEvent,
  ObservedFinal,
  ObservedPoint,
  PodPointName,
} from '../../../specs/vocabulary/index.ts';
import type { Clock } from './clock.ts';
import type { ContainerInfo } from './pod-info.ts';

/** Collects points and Events as the run goes, stamped with the virtual clock. */
export class Observer {
  readonly points: ObservedPoint[] = [];
  readonly events: ObservedEvent[] = [];
  final: ObservedFinal | undefined;

  constructor(private readonly clock: Clock) {}

  pod(name: PodPointName): void {
    this.points.push({ point: `pod.${name}`, t: this.clock.now / 1000 });
  }

  container(c: ContainerInfo, name: ContainerPointName): void {
    this.points.push({ point: `${c.name}.${name}`, t: this.clock.now / 1000 });
  }

  event(type: EventType, reason: string, message: string, c: ContainerInfo | undefined): void {
    const t = this.clock.now / 1000;
    this.events.push(c === undefined ? { reason, type, message, t } : { reason, type, message, t, container: c.name });
  }
}
