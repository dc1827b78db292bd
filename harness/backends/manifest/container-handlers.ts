/**
 * A container's hooks and probes as Kubernetes handlers whose runs follow the behaviour block:
 * - exec → `sh -c` running the hook or probe lines (the case's own command is replaced: the behaviour is the truth);
 * - httpGet → the handler as written (port, path, headers), answered by an HTTP server the main script starts
 *   on that port (http-server.ts), one route per path; a port another handler holds is moved (port-book.ts);
 * - tcpSocket (probes) → the handler as written, with a listener that listens exactly while the probe succeeds
 *   (tcp-listener.ts);
 * - sleep (hooks) → kept as is: the kubelet sleeps and nothing runs in the container, so the hook's points are
 *   listed as unmarked;
 * - grpc → unexpressible: busybox has no gRPC health server, and a listener alone answers no health check.
 */
import {
  probeTypes,
  type Container,
  type HandlerAction,
  type Hook,
  type Probe,
  type ProbeType,
} from '../../../specs/vocabulary/index.ts';
import { hookRunLines, type HookName } from './hook-run.ts';
import { httpServerLine, requestPath, type HttpRoute } from './http-server.ts';
import { probeRunLines } from './probe-verdict.ts';
import { scriptPrelude } from './script-prelude.ts';
import type { ScriptExtras } from './run-script.ts';
import type { PortBook } from './port-book.ts';
import { tcpListenerLines } from './tcp-listener.ts';
import { Unexpressible, wholeSeconds } from './unexpressible.ts';

/** The compiled handlers of one container. */
export interface ContainerHandlers {
  readonly lifecycle?: Readonly<Record<string, unknown>>;
  readonly probes: Readonly<Partial<Record<ProbeType, Readonly<Record<string, unknown>>>>>;
  /** what the main script must run for them (servers, listeners) */
  readonly extras: ScriptExtras;
  /** bare point names no marker can show (a `sleep` hook, a tcpSocket probe's runs) */
  readonly unmarked: ReadonlyArray<string>;
}

/** Every port number the handlers of `container` name (to keep moved handlers off them). */
export function handlerPorts(container: Container): number[] {
  const actions = [container.postStart, container.preStop, ...probeTypes.map((t) => container[t])].flatMap((h) =>
    h === undefined ? [] : [h.action],
  );
  return actions.flatMap((a) =>
    a.type === 'httpGet' || a.type === 'tcpSocket' ? [resolvePort(container, a.port, container.name)] : [],
  );
}

/** The number a handler's port names: a number as is, a name through the container's `ports`. */
export function resolvePort(container: Container, port: number | string, what: string): number {
  if (typeof port === 'number') return port;
  const ports = container.extra['ports'];
  const named = Array.isArray(ports)
    ? (ports as unknown[]).find(
        (p) => typeof p === 'object' && p !== null && (p as Record<string, unknown>)['name'] === port,
      )
    : undefined;
  const number = (named as Record<string, unknown> | undefined)?.['containerPort'];
  if (typeof number !== 'number')
    throw new Unexpressible(`${what}: port '${port}' is not a named port of the container`);
  return number;
}

function httpExtra(
  action: Extract<HandlerAction, { type: 'httpGet' }>,
  what: string,
): Readonly<Record<string, unknown>> {
  const extra = action.extra ?? {};
  // The handler must reach the server in this container: another host cannot be answered by it, and neither can
  // TLS (an HTTPS hook that gets a plain answer falls back to HTTP with a LifecycleHTTPFallback event, KUBELET-FACTS
  // §2.3, an event the case would not have; an HTTPS probe would fail outright).
  if (extra['host'] !== undefined)
    throw new Unexpressible(`${what}: httpGet to another host (${JSON.stringify(extra['host'])})`);
  if (extra['scheme'] !== undefined && extra['scheme'] !== 'HTTP') {
    throw new Unexpressible(`${what}: httpGet over ${JSON.stringify(extra['scheme'])}; busybox nc cannot serve TLS`);
  }
  return extra;
}

// The script opens with `:;` for podman 4.3, which turns an exec liveness probe into a healthcheck by joining the
// command with spaces and handing it to `/bin/sh -c` (PODMAN.md §2, "Quoting bug"): the outer shell then runs
// `sh -c :` and the rest of the script itself, instead of losing the script's first statement to an inner shell.
// On a cluster `:` does nothing.
function execCommand(container: string, lines: ReadonlyArray<string>): Record<string, unknown> {
  return { exec: { command: ['sh', '-c', [`:;${scriptPrelude(container)}`, ...lines].join('\n')] } };
}

class Builder {
  readonly routes = new Map<number, HttpRoute[]>();
  readonly atStart: string[] = [];
  readonly onTerm: string[] = [];
  readonly tcpPorts: number[] = [];
  readonly unmarked: string[] = [];

  constructor(
    readonly container: Container,
    readonly book: PortBook,
  ) {}

  /** Registers a route and returns the port it is served on (the one asked for, or another: port-book.ts). */
  route(port: number, path: string, lines: ReadonlyArray<string>): number {
    const actual = this.book.http(this.container.name, port, path);
    const list = this.routes.get(actual) ?? [];
    list.push({ path, lines });
    this.routes.set(actual, list);
    return actual;
  }

  /** The port field to write: as the case wrote it while the handler keeps its port, else the port it moved to. */
  portField(written: number | string, wanted: number, actual: number): number | string {
    return actual === wanted ? written : actual;
  }

  hook(name: HookName, hook: Hook): Record<string, unknown> {
    const what = `${this.container.name} ${name}`;
    const action = hook.action;
    switch (action.type) {
      case 'exec':
        return execCommand(this.container.name, [...hookRunLines(name, hook), '[ $v = ok ]']);
      case 'httpGet': {
        const extra = httpExtra(action, what);
        const port = resolvePort(this.container, action.port, what);
        const actual = this.route(port, requestPath(action.path), hookRunLines(name, hook));
        const path = action.path === undefined ? {} : { path: action.path };
        return { httpGet: { ...path, port: this.portField(action.port, port, actual), ...extra } };
      }
      case 'sleep':
        // The kubelet sleeps itself (KUBELET-FACTS §2.3, `sleep`): nothing runs in the container that could mark.
        this.unmarked.push(`${name}.started`, `${name}.finished`);
        return { sleep: { seconds: wholeSeconds(action.seconds, `${what} sleep.seconds`) } };
      case 'tcpSocket':
      case 'grpc':
        throw new Unexpressible(`${what}: a ${action.type} hook handler does not exist in the Pod API`);
    }
  }

  probe(type: ProbeType, probe: Probe): Record<string, unknown> {
    const what = `${this.container.name} ${type}`;
    const action = probe.action;
    const handler = ((): Record<string, unknown> => {
      switch (action.type) {
        case 'exec': {
          const lines = probeRunLines(this.container.name, type, probe);
          return execCommand(this.container.name, [...lines, '[ $v = ok ]']);
        }
        case 'httpGet': {
          const extra = httpExtra(action, what);
          const port = resolvePort(this.container, action.port, what);
          const actual = this.route(port, requestPath(action.path), probeRunLines(this.container.name, type, probe));
          const path = action.path === undefined ? {} : { path: action.path };
          return { httpGet: { ...path, port: this.portField(action.port, port, actual), ...extra } };
        }
        case 'tcpSocket': {
          if (action.extra?.['host'] !== undefined) throw new Unexpressible(`${what}: tcpSocket to another host`);
          const port = resolvePort(this.container, action.port, what);
          const actual = this.book.tcp(this.container.name, port);
          this.tcpPorts.push(actual);
          const lines = tcpListenerLines(what, probe, actual, this.tcpPorts.length);
          this.atStart.push(...lines.atStart);
          this.onTerm.push(...lines.onTerm);
          this.unmarked.push(`${type}.ran`);
          return { tcpSocket: { port: this.portField(action.port, port, actual), ...(action.extra ?? {}) } };
        }
        case 'grpc':
          throw new Unexpressible(`${what}: a grpc probe needs a gRPC health server, which busybox does not have`);
        case 'sleep':
          throw new Unexpressible(`${what}: a sleep probe handler does not exist in the Pod API`);
      }
    })();
    return {
      ...handler,
      initialDelaySeconds: wholeSeconds(probe.initialDelaySeconds, `${what} initialDelaySeconds`),
      periodSeconds: wholeSeconds(probe.periodSeconds, `${what} periodSeconds`),
      timeoutSeconds: wholeSeconds(probe.timeoutSeconds, `${what} timeoutSeconds`),
      successThreshold: wholeSeconds(probe.successThreshold, `${what} successThreshold`),
      failureThreshold: wholeSeconds(probe.failureThreshold, `${what} failureThreshold`),
      ...(probe.terminationGracePeriodSeconds === undefined
        ? {}
        : {
            terminationGracePeriodSeconds: wholeSeconds(
              probe.terminationGracePeriodSeconds,
              `${what} terminationGracePeriodSeconds`,
            ),
          }),
    };
  }
}

/** Compiles the hooks and probes of `container`; throws Unexpressible for what cannot be acted out. */
export function containerHandlers(container: Container, book: PortBook): ContainerHandlers {
  const b = new Builder(container, book);
  const lifecycle: Record<string, unknown> = {};
  if (container.postStart) lifecycle['postStart'] = b.hook('postStart', container.postStart);
  if (container.preStop) lifecycle['preStop'] = b.hook('preStop', container.preStop);
  const probes: Partial<Record<ProbeType, Record<string, unknown>>> = {};
  for (const type of probeTypes) {
    const probe = container[type];
    if (probe) probes[type] = b.probe(type, probe);
  }
  const servers = [...b.routes].map(([port, routes]) => httpServerLine(container.name, port, routes));
  return {
    ...(Object.keys(lifecycle).length > 0 ? { lifecycle } : {}),
    probes,
    extras: { servers, atStart: b.atStart, onTerm: b.onTerm },
    unmarked: b.unmarked,
  };
}
