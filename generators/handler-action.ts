/** Arbitrary Kubernetes handlers for hooks and probes (exec, httpGet, tcpSocket, grpc, sleep). */
import fc from 'fast-check';
import type { HandlerAction } from '../specs/vocabulary/index.ts';
import { simplestFirst } from './maybe.ts';

/** Options for {@link handlerAction}. */
export interface HandlerActionConstraints {
  /** Handler types to draw from, simplest first (default exec and httpGet). */
  readonly types?: ReadonlyArray<HandlerAction['type']>;
  /** Largest `sleep.seconds` (default 30, the default grace period that Kubernetes validates it against). */
  readonly maxSleepSeconds?: number;
}

const commands: ReadonlyArray<ReadonlyArray<string>> = [
  ['sh', '-c', 'true'],
  ['cat', '/tmp/healthy'],
  ['sh', '-c', 'echo hook >> /tmp/log'],
];

const ports: ReadonlyArray<number> = [8080, 80, 9090];

/** One handler; a sleep lasts 1 s up to `maxSleepSeconds` (Kubernetes rejects longer than the grace period). */
export function handlerAction(constraints: HandlerActionConstraints = {}): fc.Arbitrary<HandlerAction> {
  const types = constraints.types ?? ['exec', 'httpGet'];
  const maxSleep = constraints.maxSleepSeconds ?? 30;
  const options = types.flatMap((type): fc.Arbitrary<HandlerAction>[] => {
    switch (type) {
      case 'exec':
        return [fc.constantFrom(...commands).map((command) => ({ type, command }))];
      case 'httpGet':
        return [
          fc
            .tuple(
              fc.constantFrom(...ports),
              fc.option(fc.constantFrom('/healthz', '/ready', '/hook'), { nil: undefined }),
            )
            .map(([port, path]) => (path === undefined ? { type, port } : { type, port, path })),
        ];
      case 'tcpSocket':
        return [fc.constantFrom(...ports).map((port) => ({ type, port }))];
      case 'grpc':
        return [fc.constant({ type, port: 9090 })];
      case 'sleep':
        return maxSleep >= 1
          ? [fc.integer({ min: 1, max: Math.min(maxSleep, 20) }).map((seconds) => ({ type, seconds }))]
          : [];
    }
  });
  if (options.length === 0) throw new Error(`handlerAction: no handler type usable among ${types.join(', ')}`);
  return fc.oneof(simplestFirst, ...options);
}
