#!/usr/bin/env node
// An exec: adapter as a runtime vendor would write it: the protocol glue between podconform and an implementation
// of the pod lifecycle (docs/vendors.md). podconform starts it once as
//
//   npx podconform check --backend exec:'node examples/exec-adapter/adapter.mjs [IMPLEMENTATION.mjs]'
//
// and writes one line {"case": CASE} per case on standard input (CASE: the case file as JSON, without `expect`,
// durations in seconds). For each line this adapter runs the pod on the implementation, translates what the
// implementation saw into an observation (shared/cases/FORMAT.md), and answers exactly one line:
// {"observation": …}, or {"error": "…"} when the pod could not be run. Standard output carries nothing else (logs
// go to standard error, which podconform keeps for its report). It exits when standard input is closed.
//
// IMPLEMENTATION.mjs (default: stand-in-implementation.mjs beside this file) exports `runPod(podCase)`; replace it
// with the module that drives your runtime. Nothing below needs to change for that.
import process from 'node:process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { pathToFileURL, URL } from 'node:url';

const implementation =
  process.argv[2] === undefined
    ? new URL('./stand-in-implementation.mjs', import.meta.url).href
    : pathToFileURL(resolve(process.argv[2])).href;
const { runPod } = await import(implementation);

/**
 * What the implementation reported, in its own terms, turned into the protocol's observation:
 * - times: the runtime's wall clock in milliseconds → seconds since the pod was created (`t`);
 * - happenings: (`web`, `started`) → the point `web.started`; pod-level ones use the subject `pod`. Each start may
 *   be reported as a plain `web.started`: podconform numbers repeats itself (`web.started#2`);
 * - the final state as `kubectl get pod -o json` would give it, at observeFor (or when the pod is gone);
 * - the clock's resolution in seconds: how far apart two points must be for their order to count.
 */
function toObservation(record) {
  const sinceCreated = (atMs) => Math.max(0, atMs - record.createdAtMs) / 1000;
  return {
    points: record.happenings.map((h) => ({ point: `${h.subject}.${h.what}`, t: sinceCreated(h.atMs) })),
    final: {
      phase: record.final.phase,
      status: record.final.statusColumn,
      gone: record.final.gone,
      conditions: record.final.conditions,
      containers: record.final.containers,
    },
    events: record.events.map(({ atMs, ...event }) => ({ ...event, t: sinceCreated(atMs) })),
    clock: { resolution: record.clockResolutionMs / 1000 },
  };
}

async function answer(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return { error: `the request is not JSON: ${line.slice(0, 80)}` };
  }
  if (typeof request !== 'object' || request === null || typeof request.case !== 'object') {
    return { error: 'expected a request line {"case": CASE}' };
  }
  try {
    return { observation: toObservation(await runPod(request.case)) };
  } catch (error) {
    // The implementation could not run the pod: the case is reported `unknown` with this message, never `fail`.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  process.stdout.write(`${JSON.stringify(await answer(line))}\n`);
}
