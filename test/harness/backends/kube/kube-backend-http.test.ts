// `--backend kube` end to end over HTTP: the real client (@kubernetes/client-node) against a local server that
// plays a cluster — namespaces, a pod that runs and exits, its watch, its Events (deserialised by the typed client,
// timestamps as Dates), the marker reader pod and its log — and the observation that comes out, in real time
// (observeFor 3 s; the fake's moments are 300 ms or more apart, so that a loaded machine does not reorder them). It checks the plumbing between the parts, not a kubelet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { clientApi } from '../../../../harness/backends/kube/client-api.ts';
import { createKubeBackend } from '../../../../harness/backends/kube/index.ts';
import { scenarioOf } from './scenarios.ts';

const scenario = scenarioOf(`
id: quick
node: {cached: [busybox:1.36]}
pod:
  metadata: {name: quick, namespace: shop}
  spec:
    restartPolicy: Never
    containers:
      - name: app
        image: busybox:1.36
        behavior: {exitCode: 0, after: 1s}
observeFor: 3s
`);

let server: ReturnType<typeof createServer>;
let config: KubeConfig;
const namespaces = new Map<string, unknown>();
let createdAt = 0;
const requests: string[] = [];

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

const iso = (epochSeconds: number): string =>
  new Date(Math.floor(epochSeconds) * 1000).toISOString().replace('.000', '');

function pod(ns: string, phase: string, state: unknown, ready: boolean): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'quick', namespace: ns, uid: 'uid-quick', resourceVersion: '2' },
    spec: { nodeName: 'node-a', containers: [{ name: 'app', image: 'busybox:1.36' }] },
    status: {
      phase,
      conditions: [
        { type: 'Initialized', status: 'True' },
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          ...(ready ? {} : { reason: phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady' }),
        },
      ],
      containerStatuses: [{ name: 'app', ready, restartCount: 0, started: ready, image: 'busybox:1.36', state }],
    },
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const body = (await readBody(req)) as { metadata?: { name?: string } } | undefined;
      const url = req.url ?? '';
      const path = url.split('?')[0] ?? '';
      requests.push(`${req.method ?? ''} ${path}`);
      const m = /^\/api\/v1\/namespaces\/([^/]+)(?:\/(pods|events)(?:\/([^/]+)(?:\/(log))?)?)?$/.exec(path);
      if (path === '/version') {
        send(res, 200, { major: '1', minor: '35', gitVersion: 'v1.35.8' });
        return;
      }
      if (path === '/api/v1/namespaces' && req.method === 'POST') {
        namespaces.set(body?.metadata?.name ?? '', body);
        send(res, 201, body);
        return;
      }
      if (path === '/api/v1/namespaces' && req.method === 'GET') {
        send(res, 200, { kind: 'NamespaceList', apiVersion: 'v1', metadata: {}, items: [...namespaces.values()] });
        return;
      }
      if (path === '/api/v1/nodes') {
        send(res, 200, { kind: 'NodeList', apiVersion: 'v1', metadata: {}, items: [{ metadata: { name: 'node-a' } }] });
        return;
      }
      if (m === null) {
        send(res, 404, { kind: 'Status', message: 'no route', code: 404 });
        return;
      }
      const [, ns = '', kind, name, log] = m;
      if (kind === undefined && req.method === 'DELETE') {
        namespaces.delete(ns);
        send(res, 200, { kind: 'Status', status: 'Success' });
        return;
      }
      if (kind === 'pods' && req.method === 'POST') {
        if (body?.metadata?.name === 'quick') createdAt = Date.now() / 1000;
        send(res, 201, body);
        return;
      }
      if (kind === 'pods' && name === undefined && url.includes('watch=true')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const line = (type: string, object: unknown): void => {
          res.write(`${JSON.stringify({ type, object })}\n`);
        };
        // The pod appears, runs ready, and completes after 1.5 s; the watch stays open until the client stops it.
        setTimeout(() => {
          line('ADDED', pod(ns, 'Pending', { waiting: { reason: 'ContainerCreating' } }, false));
        }, 50);
        setTimeout(() => {
          line('MODIFIED', pod(ns, 'Running', { running: { startedAt: iso(createdAt) } }, true));
        }, 800);
        setTimeout(() => {
          const terminated = {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: iso(createdAt),
              finishedAt: iso(createdAt + 1.5),
              containerID: 'containerd://c1',
            },
          };
          line('MODIFIED', pod(ns, 'Succeeded', terminated, false));
        }, 1900);
        req.on('close', () => res.end());
        return;
      }
      if (kind === 'pods' && name === 'podconform-marker-reader' && log === 'log') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(`app started ${createdAt + 0.4}\napp exiting ${createdAt + 1.5} 0\n`);
        return;
      }
      if (kind === 'pods' && name?.startsWith('podconform-') === true) {
        send(res, 200, { apiVersion: 'v1', kind: 'Pod', metadata: { name }, status: { phase: 'Succeeded' } });
        return;
      }
      if (kind === 'events') {
        const event = (reason: string, message: string, fieldPath?: string): unknown => ({
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: `quick.${reason}`, namespace: ns },
          involvedObject: {
            apiVersion: 'v1',
            kind: 'Pod',
            name: 'quick',
            namespace: ns,
            uid: 'uid-quick',
            ...(fieldPath ? { fieldPath } : {}),
          },
          reason,
          message,
          type: 'Normal',
          source: { component: fieldPath ? 'kubelet' : 'default-scheduler' },
          firstTimestamp: iso(createdAt),
          lastTimestamp: iso(createdAt),
          count: 1,
          eventTime: null,
          reportingComponent: fieldPath ? 'kubelet' : 'default-scheduler',
          reportingInstance: '',
        });
        send(res, 200, {
          kind: 'EventList',
          apiVersion: 'v1',
          metadata: {},
          items: [
            event('Scheduled', `Successfully assigned ${ns}/quick to node-a`),
            event('Started', 'Container started', 'spec.containers{app}'),
          ],
        });
        return;
      }
      send(res, 404, { kind: 'Status', message: `no route ${req.method ?? ''} ${url}`, code: 404 });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'kind-fake', cluster: 'c', user: 'u' }],
    currentContext: 'kind-fake',
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

describe('--backend kube over HTTP', () => {
  it('runs a scenario and observes it through the real client', { timeout: 30_000 }, async () => {
    const backend = createKubeBackend(
      { kind: false },
      {
        kubeconfig: () => ({ contexts: ['kind-fake'], current: 'kind-fake', api: (ctx) => clientApi(config, ctx) }),
        onInterrupt: () => () => undefined,
      },
    );
    expect(await backend.setUp()).toEqual({ status: 'ready', notices: ['Kubernetes v1.35.8: rule profile 1.35'] });
    const outcome = await backend.run(scenario);
    await backend.tearDown();
    expect(namespaces.size).toBe(0);
    if (outcome.status !== 'observed') throw new Error(`${outcome.status}: ${outcome.reason}`);
    const o = outcome.observation;
    expect(o.points.map((p) => p.point)).toEqual([
      'pod.created',
      // the fake's first delivery (50 ms) already shows Initialized; the start marker says 0.4 s
      'pod.initialized',
      'app.started',
      'app.ready',
      'pod.ready',
      'app.exited',
      'app.unready',
      'pod.unready',
    ]);
    expect(o.final).toMatchObject({
      phase: 'Succeeded',
      status: 'Completed',
      gone: false,
      containers: { app: { state: 'terminated', reason: 'Completed', exitCode: 0, everStarted: true } },
    });
    // the typed client deserialised the Events' timestamps into Dates; the case's namespace is written back
    expect(o.events?.map((e) => `${e.reason}|${e.container ?? ''}|${e.message ?? ''}`)).toEqual([
      'Scheduled||Successfully assigned shop/quick to node-a',
      'Started|app|Container started',
    ]);
    expect(o.events?.every((e) => typeof e.t === 'number' && e.t > -1 && e.t < 1)).toBe(true);
    // the image warm-up pulled the cached image on the one node before the scenario's pod was created
    const posts = requests.filter((r) => r.startsWith('POST') && r.endsWith('/pods'));
    expect(posts.map((r) => r.replace(/podconform-[0-9a-f]{6}-/, 'podconform-RUN-'))).toEqual([
      'POST /api/v1/namespaces/podconform-RUN-images/pods',
      'POST /api/v1/namespaces/podconform-RUN-1/pods',
      'POST /api/v1/namespaces/podconform-RUN-1/pods',
    ]);
  });
});
