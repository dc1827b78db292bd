/**
 * Acts out a scenario's node world on a kind cluster (FORMAT.md `node`), before its pod is created:
 * - one busybox image (`busybox:1.36` from Docker, pulled if missing) is loaded once into every node as
 *   `podconform.local/busybox:1.36`; a `cached` image is that image tagged inside the node's containerd under the
 *   case's name (the content is busybox whatever the name: the compiled scripts need only its `sh`);
 * - every other image is removed from the node, and pulls go to a registry the suite controls: a `registry:2`
 *   container (`podconform-registry`) on kind's Docker network, to which each node's containerd sends every pull
 *   (`/etc/containerd/certs.d/_default/hosts.toml` with that registry as the server, so there is no fallback to the
 *   real registries). A pullable image is pushed there under its repository path; an `unpullable` one is not (or
 *   its manifest is deleted), so the registry answers "not found"; `registry: down` stops the container;
 * - routing every pull is only set up on a cluster this suite created (or set up before): a reused cluster of the
 *   user's keeps its registries, and scenarios that need a pull fault are `unknown` there.
 * Simplified: `pullTakes` is not acted out (pulls from the local registry take what they take); two registries'
 * images with the same repository path share one entry; digest references cannot be placed.
 */
import type { ImagePlan, PlannedImage } from './image-plan.ts';
import type { CommandResult, RunCommand } from './processes.ts';

export const sourceImage = 'busybox:1.36';
/** The name the busybox image is loaded under; also the marker reader's image. */
export const nodeImage = 'podconform.local/busybox:1.36';
export const registryContainer = 'podconform-registry';
const registryHostPort = '127.0.0.1:5001';
const routingDir = '/etc/containerd/certs.d/_default';
const routingMarker = `${routingDir}/podconform`;

/** The hosts.toml that sends every registry's pulls to the suite's registry and nowhere else. */
export const routingHostsToml = `server = "http://${registryContainer}:5000"

[host."http://${registryContainer}:5000"]
  capabilities = ["pull", "resolve"]
`;

export type WorldOutcome = { readonly status: 'ready' } | { readonly status: 'unexpressible'; readonly reason: string };

export class KindWorld {
  private routing = false;
  private registryState: 'up' | 'down' | undefined;
  private readonly pushed = new Set<string>();

  constructor(
    private readonly run: RunCommand,
    private readonly docker: string,
    private readonly kind: string,
    private readonly cluster: {
      readonly name: string;
      readonly nodes: ReadonlyArray<string>;
      readonly created: boolean;
    },
    /** HTTP to the suite's registry (tests give a fake) */
    private readonly http: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** Loads the busybox image and sets up the registry; the reason when the cluster cannot be used at all. */
  async setUp(): Promise<string | undefined> {
    const present = await this.run(this.docker, ['image', 'inspect', sourceImage]);
    if (!present.ok) {
      const pull = await this.run(this.docker, ['pull', sourceImage], { timeoutSeconds: 600 });
      if (!pull.ok) return `${sourceImage} is not in Docker and could not be pulled: ${pull.summary}`;
    }
    const tag = await this.run(this.docker, ['tag', sourceImage, nodeImage]);
    if (!tag.ok) return tag.summary;
    const load = await this.run(this.kind, ['load', 'docker-image', nodeImage, '--name', this.cluster.name], {
      timeoutSeconds: 600,
    });
    if (!load.ok) return `could not load ${nodeImage} into kind cluster ${this.cluster.name}: ${load.summary}`;
    this.routing = await this.setUpRouting();
    return undefined;
  }

  /** Whether pulls on this cluster reach the suite's registry (and so pull faults can be acted out). */
  get routesPulls(): boolean {
    return this.routing;
  }

  /** Puts images and registry where the plan says; called while no incompatible scenario runs (world-gate.ts). */
  async prepare(plan: ImagePlan): Promise<WorldOutcome> {
    const needsRegistry = plan.registry !== 'any' || plan.images.some((i) => i.role !== 'cached');
    if (needsRegistry && !this.routing) {
      return {
        status: 'unexpressible',
        reason: `kind cluster ${this.cluster.name} was not created by podconform, so its pulls are not routed to the suite's registry (the scenario needs a pull from a registry it controls); use a cluster podconform creates (--cluster NEW-NAME)`,
      };
    }
    for (const image of plan.images) {
      const failed = await this.place(image, plan.registry);
      if (failed !== undefined) {
        return { status: 'unexpressible', reason: `could not place image ${image.image}: ${failed}` };
      }
    }
    if (plan.registry !== 'any') {
      const failed = await this.registry(plan.registry);
      if (failed !== undefined) return { status: 'unexpressible', reason: failed };
    }
    return { status: 'ready' };
  }

  /** Removes the registry container and the suite's tag in Docker; the cluster itself is kept for the next run. */
  async tearDown(): Promise<void> {
    await this.run(this.docker, ['rm', '-f', registryContainer]);
    await this.run(this.docker, ['rmi', nodeImage]);
  }

  /** One image where the plan wants it: on the nodes or not, in the registry or not. */
  private async place(image: PlannedImage, registry: ImagePlan['registry']): Promise<string | undefined> {
    if (image.role === 'cached') {
      const failed = await this.onEveryNode(['ctr', '-n', 'k8s.io', 'images', 'tag', '--force', nodeImage, image.key]);
      if (failed !== undefined) return failed;
      // A cached image is pulled anyway under imagePullPolicy Always: the registry must have it when it is up.
      return image.served && registry === 'up' ? this.push(image.mirrorPath, image.tag) : undefined;
    }
    return this.absentFromNodes(
      image.key,
      image.role === 'pullable' ? image : undefined,
      image.role === 'unpullable' ? image : undefined,
    );
  }

  private async absentFromNodes(
    key: string,
    serve: { readonly mirrorPath: string; readonly tag: string } | undefined,
    hide: { readonly mirrorPath: string; readonly tag: string } | undefined,
  ): Promise<string | undefined> {
    // Removing an image that is not there fails; that is the state wanted, so the result is not checked.
    for (const node of this.cluster.nodes)
      await this.run(this.docker, ['exec', node, 'ctr', '-n', 'k8s.io', 'images', 'rm', key]);
    if (serve !== undefined) return this.push(serve.mirrorPath, serve.tag);
    if (hide !== undefined) return this.unpush(hide.mirrorPath, hide.tag);
    return undefined;
  }

  private async push(path: string, tag: string): Promise<string | undefined> {
    const ref = `${path}:${tag}`;
    if (this.pushed.has(ref)) return undefined;
    const failed = await this.registry('up');
    if (failed !== undefined) return failed;
    const local = `${registryHostPort.replace('127.0.0.1', 'localhost')}/${ref}`;
    const steps: ReadonlyArray<ReadonlyArray<string>> = [
      ['tag', sourceImage, local],
      ['push', local],
    ];
    for (const args of steps) {
      const r = await this.run(this.docker, args, { timeoutSeconds: 300 });
      if (!r.ok) return r.summary;
    }
    await this.run(this.docker, ['rmi', local]);
    this.pushed.add(ref);
    return undefined;
  }

  /** Deletes a manifest pushed earlier in this run (the registry runs with deletion enabled). */
  private async unpush(path: string, tag: string): Promise<string | undefined> {
    const ref = `${path}:${tag}`;
    if (!this.pushed.has(ref)) return undefined;
    const failed = await this.registry('up');
    if (failed !== undefined) return failed;
    const base = `http://${registryHostPort}/v2/${path}/manifests`;
    const accept = [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ].join(', ');
    try {
      const head = await this.http(`${base}/${tag}`, { method: 'HEAD', headers: { Accept: accept } });
      const digest = head.headers.get('docker-content-digest');
      if (head.status === 404) {
        this.pushed.delete(ref);
        return undefined;
      }
      if (digest === null) return `the registry gave no digest for ${ref} (HTTP ${head.status})`;
      const del = await this.http(`${base}/${digest}`, { method: 'DELETE' });
      if (del.status !== 202 && del.status !== 404) return `the registry refused to delete ${ref} (HTTP ${del.status})`;
      this.pushed.delete(ref);
      return undefined;
    } catch (error) {
      return `the registry at ${registryHostPort} did not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async registry(state: 'up' | 'down'): Promise<string | undefined> {
    if (this.registryState === state) return undefined;
    const r: CommandResult =
      state === 'up'
        ? await this.run(this.docker, ['start', registryContainer])
        : await this.run(this.docker, ['stop', '--time', '1', registryContainer]);
    if (!r.ok) return `could not bring the suite's registry ${state}: ${r.summary}`;
    if (state === 'up' && !(await this.registryAnswers())) {
      return `the suite's registry did not answer at ${registryHostPort} after it was started`;
    }
    this.registryState = state;
    return undefined;
  }

  private async registryAnswers(): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      try {
        const r = await this.http(`http://${registryHostPort}/v2/`);
        if (r.ok) return true;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  private async onEveryNode(args: ReadonlyArray<string>): Promise<string | undefined> {
    for (const node of this.cluster.nodes) {
      const r = await this.run(this.docker, ['exec', node, ...args]);
      if (!r.ok) return r.summary;
    }
    return undefined;
  }

  /** Sets up pull routing on a cluster the suite created (or routed before); false leaves the cluster alone. */
  private async setUpRouting(): Promise<boolean> {
    const first = this.cluster.nodes[0];
    if (first === undefined) return false;
    if (!this.cluster.created) {
      const ours = await this.run(this.docker, ['exec', first, 'test', '-f', routingMarker]);
      if (!ours.ok) return false;
    }
    // containerd must read hosts.toml files at all (config_path), or routing would silently not apply.
    const reads = await this.run(this.docker, ['exec', first, 'grep', '-q', 'certs.d', '/etc/containerd/config.toml']);
    if (!reads.ok) return false;
    const exists = await this.run(this.docker, ['inspect', '-f', '{{.State.Running}}', registryContainer]);
    if (!exists.ok) {
      const start = await this.run(
        this.docker,
        [
          'run',
          '-d',
          '--name',
          registryContainer,
          '--network',
          'kind',
          '-p',
          `${registryHostPort}:5000`,
          '-e',
          'REGISTRY_STORAGE_DELETE_ENABLED=true',
          'registry:2',
        ],
        { timeoutSeconds: 300 },
      );
      if (!start.ok) return false;
    }
    this.registryState = undefined;
    if ((await this.registry('up')) !== undefined) return false;
    for (const node of this.cluster.nodes) {
      const write = await this.run(
        this.docker,
        [
          'exec',
          '-i',
          node,
          'sh',
          '-c',
          `mkdir -p ${routingDir} && cat > ${routingDir}/hosts.toml && touch ${routingMarker}`,
        ],
        {
          input: routingHostsToml,
        },
      );
      if (!write.ok) return false;
    }
    return true;
  }
}
