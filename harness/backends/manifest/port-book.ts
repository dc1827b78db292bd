/**
 * The ports a compiled pod listens on. All containers of a pod share one network namespace, so a port can have
 * one listener only, and one HTTP server can answer a path for one handler only (it could not tell which of two
 * the kubelet called). When a handler's port is taken that way, it gets the next free port instead and the
 * manifest names that one: the port number plays no part in the lifecycle — the kubelet's probe and hook events
 * do not name it (specs/model/messages.ts: hook failures are fixed texts, probe output is a hole) — so moving it
 * changes nothing a case can expect, while refusing the pod would lose it for every real backend.
 */
import { Unexpressible } from './unexpressible.ts';

interface Owner {
  readonly container: string;
  readonly use: 'http' | 'tcp';
  readonly paths: Set<string>;
}

/** Hands out ports to the handlers of one pod, first come first served, in spec order. */
export class PortBook {
  private readonly owners = new Map<number, Owner>();

  /** `wanted`: every port a handler of the pod names, so that a moved handler never takes one of them. */
  constructor(private readonly wanted: ReadonlySet<number>) {}

  /** The port on which `container` serves GET `path` for a handler that asks for `port`. */
  http(container: string, port: number, path: string): number {
    const owner = this.owners.get(port);
    if (owner === undefined) {
      this.owners.set(port, { container, use: 'http', paths: new Set([path]) });
      return port;
    }
    if (owner.container === container && owner.use === 'http' && !owner.paths.has(path)) {
      owner.paths.add(path);
      return port;
    }
    // Same path on another of this container's servers is fine: each server has its own routes.
    for (const [other, o] of this.owners) {
      if (o.container === container && o.use === 'http' && !o.paths.has(path) && !this.wanted.has(other)) {
        o.paths.add(path);
        return other;
      }
    }
    const fresh = this.fresh(port);
    this.owners.set(fresh, { container, use: 'http', paths: new Set([path]) });
    return fresh;
  }

  /** The port on which `container` listens for a tcpSocket probe that asks for `port`. */
  tcp(container: string, port: number): number {
    const chosen = this.owners.has(port) ? this.fresh(port) : port;
    this.owners.set(chosen, { container, use: 'tcp', paths: new Set() });
    return chosen;
  }

  private fresh(after: number): number {
    for (let p = after + 1; p <= 65535; p++) if (!this.owners.has(p) && !this.wanted.has(p)) return p;
    for (let p = 1024; p < after; p++) if (!this.owners.has(p) && !this.wanted.has(p)) return p;
    throw new Unexpressible('no free port is left for the pod’s handlers');
  }
}
