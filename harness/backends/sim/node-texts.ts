/**
 * What only the node words: the container runtime's pull errors (KUBELET-FACTS Corrections 25), probe
 * output and probe errors (§6.3, Corrections 19), image sizes (Corrections 17). The nominal node keeps
 * one fixed text per situation; the realistic node words them as its runtime (containerd or CRI-O)
 * would, with details drawn once per scenario from the seeded PRNG.
 */
import type { Probe } from '../../../specs/vocabulary/index.ts';
import { parseImageRef } from './image-names.ts';
import type { PodIdentity } from './node-identity.ts';
import type { Prng } from './prng.ts';

/** Why a pull failed, as the world says. */
export type PullFailureCause = 'registry-down' | 'unpullable';

/** A failed pull as the image manager reports it (image_manager.go pullImage, evalCRIPullErr). */
export interface PullFailure {
  /** the waiting reason: ErrImagePull, or what evalCRIPullErr made of the runtime's error */
  readonly reason: 'ErrImagePull' | 'RegistryUnavailable';
  /** the runtime's error, as the `Failed` event prints it after "Failed to pull image "X": " */
  readonly error: string;
  /** the waiting message evalCRIPullErr derives */
  readonly message: string;
}

/** The node's own words. */
export class NodeTexts {
  private readonly sizes = new Map<string, number>();
  private readonly outputs = new Map<string, string>();
  /** registry-down variant and unpullable variant, drawn once per scenario */
  private readonly downVariant: number;
  private readonly unpullableVariant: number;
  /** the registry's address in connection errors */
  private readonly registryIp: string;

  constructor(
    private readonly id: PodIdentity,
    private readonly prng: Prng | undefined,
  ) {
    this.downVariant = prng === undefined ? 0 : prng.int(0, 2);
    this.unpullableVariant = prng === undefined ? 0 : prng.int(0, 1);
    this.registryIp =
      prng === undefined
        ? '34.5.17.200'
        : `${prng.int(3, 104)}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
  }

  /** The runtime's error for a failed pull of `image` (as written), `imageKey` its normalised form. */
  pullFailure(image: string, imageKey: string, cause: PullFailureCause): PullFailure {
    const plain = (error: string): PullFailure => ({ reason: 'ErrImagePull', error, message: error });
    if (this.prng === undefined) {
      return plain(
        cause === 'registry-down'
          ? `rpc error: code = Unavailable desc = failed to pull and unpack image "${imageKey}": failed to resolve reference "${imageKey}": dial tcp: connect: connection refused`
          : `rpc error: code = NotFound desc = failed to pull and unpack image "${imageKey}": failed to resolve reference "${imageKey}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      );
    }
    const ref = parseImageRef(imageKey);
    const host = ref.domain === 'docker.io' ? 'registry-1.docker.io' : ref.domain;
    const version = ref.digest ?? ref.tag ?? 'latest';
    const registryIp = this.registryIp;
    if (this.id.runtime === 'cri-o') {
      if (cause === 'registry-down') {
        // CRI-O reports an unreachable registry as RegistryUnavailable; evalCRIPullErr keeps that reason
        const detail = `: pinging container registry ${host}: Get "https://${host}/v2/": dial tcp ${registryIp}:443: connect: connection refused`;
        return {
          reason: 'RegistryUnavailable',
          error: `RegistryUnavailable${detail}`,
          message: `image pull failed for ${image} because the registry is unavailable${detail}`,
        };
      }
      const why = this.unpullableVariant === 0 ? 'manifest unknown' : 'requested access to the resource is denied';
      return plain(
        `initializing source docker://${imageKey}: reading manifest ${version} in ${host}/${ref.path}: ${why}`,
      );
    }
    // containerd: since about 1.28 the kubelet drops the "rpc error: code = Unknown desc =" wrapper, not others
    const resolve = `failed to pull and unpack image "${imageKey}": failed to resolve reference "${imageKey}"`;
    if (cause === 'registry-down') {
      const url = `https://${host}/v2/${ref.path}/manifests/${version}`;
      const dial = [
        `dial tcp ${registryIp}:443: connect: connection refused`,
        `dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`,
        `dial tcp ${registryIp}:443: i/o timeout`,
      ][this.downVariant];
      return plain(`${resolve}: failed to do request: Head "${url}": ${dial ?? ''}`);
    }
    return plain(
      this.unpullableVariant === 0
        ? `rpc error: code = NotFound desc = ${resolve}: ${imageKey}: not found`
        : `${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    );
  }

  /** The runtime's byte count of a pulled image: fixed when nominal, else drawn once per image (1 MB - 900 MB). */
  imageSize(imageKey: string): number {
    if (this.prng === undefined) return 2155812;
    const known = this.sizes.get(imageKey);
    if (known !== undefined) return known;
    const size = Math.round(this.prng.logBetween(700_000, 900_000_000));
    this.sizes.set(imageKey, size);
    return size;
  }

  /** The output of a failed probe attempt, after "<Type> probe failed: " (prober.go probe). */
  probeFailure(container: string, probe: Probe, alive: boolean, timedOut: boolean): string {
    const a = probe.action;
    const ip = this.id.podIp;
    switch (a.type) {
      case 'exec':
        if (timedOut) {
          return this.prng === undefined
            ? `command timed out after ${probe.timeoutSeconds}s`
            : `command "${a.command.join(' ')}" timed out`;
        }
        return this.execOutput(container, a.command);
      case 'httpGet': {
        const url = `http://${ip}:${a.port}${a.path ?? '/'}`;
        if (!alive) return `Get "${url}": dial tcp ${ip}:${a.port}: connect: connection refused`;
        if (timedOut) return `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
        return `HTTP probe failed with statuscode: ${this.statusCode(container)}`;
      }
      case 'tcpSocket':
        return timedOut
          ? `dial tcp ${ip}:${a.port}: i/o timeout`
          : `dial tcp ${ip}:${a.port}: connect: connection refused`;
      case 'grpc':
        return timedOut
          ? `timeout: health rpc did not complete within ${probe.timeoutSeconds}s`
          : 'service unhealthy (responded with "NOT_SERVING")';
      case 'sleep':
        return 'unsupported probe handler';
    }
  }

  /** Why an exec into a container that is no longer running errors (the probe's ERR, Corrections 19). */
  execError(containerId: number): string {
    const cid = containerHash(containerId, this.id.uid);
    if (this.id.runtime === 'cri-o') {
      return 'rpc error: code = Unknown desc = command error: cannot register an exec PID: container is stopping, stdout: , stderr: , exit code -1';
    }
    return `rpc error: code = NotFound desc = failed to exec in container: failed to load task: no running task found: task ${cid} not found`;
  }

  private execOutput(container: string, command: ReadonlyArray<string>): string {
    if (this.prng === undefined) return '';
    const key = `${container}\u0000${command.join(' ')}`;
    const known = this.outputs.get(key);
    if (known !== undefined) return known;
    const output = this.prng.pick([
      '',
      "cat: can't open '/tmp/healthy': No such file or directory",
      'unhealthy',
      `${this.prng.pick(['ERROR', 'error'])}: health check failed (code ${this.prng.int(1, 9)})`,
      'ls: /var/run/app.sock: No such file or directory',
    ]);
    this.outputs.set(key, output);
    return output;
  }

  private statusCode(container: string): number {
    if (this.prng === undefined) return 500;
    const key = `${container}\u0000status`;
    const known = this.outputs.get(key);
    if (known !== undefined) return Number(known);
    const code = this.prng.pick([500, 503, 502, 404, 400]);
    this.outputs.set(key, String(code));
    return code;
  }
}

/** A stable 64-hex-digit container ID for an instance, as runtimes print them. */
function containerHash(containerId: number, uid: string): string {
  let h = 2166136261;
  const s = `${uid}/${containerId}`;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
