/** Reads the Kubernetes-API-shaped fixtures of test/fixtures/kube (JSON as kubectl prints it). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WatchDelivery } from '../../../../harness/backends/kube/watch-points.ts';
import type { WireEvent, WirePod } from '../../../../harness/backends/kube/wire.ts';

const dir = fileURLToPath(new URL('../../../fixtures/kube/', import.meta.url));

function json(name: string): unknown {
  return JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as unknown;
}

/** A pod as `kubectl get pod -o json` prints it. */
export function podFixture(name: string): WirePod {
  return json(name) as WirePod;
}

/** The items of `kubectl get events -o json`. */
export function eventsFixture(name: string): WireEvent[] {
  return (json(name) as { items: WireEvent[] }).items;
}

/** A watch log (`kubectl get pod -w -o json --output-watch-events`), each delivery stamped with the given arrival. */
export function watchFixture(name: string, arrivals: ReadonlyArray<number>): WatchDelivery[] {
  const lines = json(name) as Array<{ type: WatchDelivery['type']; object: WirePod }>;
  if (lines.length !== arrivals.length)
    throw new Error(`${name}: ${lines.length} deliveries, ${arrivals.length} arrivals`);
  return lines.map((l, i) => ({ type: l.type, pod: l.object, atEpochSeconds: arrivals[i] ?? 0 }));
}

/** Epoch seconds of an RFC 3339 time, for arrivals near the fixtures' timestamps. */
export function epoch(iso: string): number {
  return Date.parse(iso) / 1000;
}
