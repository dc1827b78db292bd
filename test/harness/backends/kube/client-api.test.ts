// The real KubeApi (@kubernetes/client-node 1.x) against a local HTTP server that answers as the API server does:
// the compiled manifest reaches the API as sent, the delete carries its grace period, the watch asks for one pod by
// field selector and delivers the objects as they come, and 404s and Status errors read as the backend expects.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { clientApi } from '../../../../harness/backends/kube/client-api.ts';
import { apiErrorText, type KubeApi, type WatchEventType } from '../../../../harness/backends/kube/kube-api.ts';
import { compileManifest } from '../../../../harness/backends/manifest/index.ts';
import { doomed } from './scenarios.ts';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

const seen: Seen[] = [];
let server: ReturnType<typeof createServer>;
let api: KubeApi;

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

const podObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'doomed', namespace: 'ns1', resourceVersion: '7', uid: 'u1' },
  status: { phase: 'Running', startTime: '2026-12-06T22:00:00Z' },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = req.url ?? '';
      seen.push({ method: req.method ?? '', url, body });
      const path = url.split('?')[0];
      if (path === '/version') {
        send(res, 200, { major: '1', minor: '35', gitVersion: 'v1.35.8' });
        return;
      }
      if (req.method === 'POST' && path === '/api/v1/namespaces') {
        send(res, 201, body);
        return;
      }
      if (req.method === 'POST' && path === '/api/v1/namespaces/ns1/pods') {
        send(res, 201, body);
        return;
      }
      if (req.method === 'DELETE' && path === '/api/v1/namespaces/ns1/pods/doomed') {
        send(res, 200, podObject);
        return;
      }
      if (req.method === 'DELETE' && path === '/api/v1/namespaces/gone') {
        send(res, 404, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'namespaces "gone" not found',
          reason: 'NotFound',
          code: 404,
        });
        return;
      }
      if (req.method === 'GET' && path === '/api/v1/namespaces/ns1/pods/missing') {
        send(res, 404, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'pods "missing" not found',
          reason: 'NotFound',
          code: 404,
        });
        return;
      }
      if (req.method === 'GET' && path === '/api/v1/namespaces/ns1/pods/doomed') {
        send(res, 200, podObject);
        return;
      }
      if (req.method === 'GET' && path === '/api/v1/namespaces/ns1/pods' && url.includes('watch=true')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(`${JSON.stringify({ type: 'ADDED', object: podObject })}\n`);
        res.end(`${JSON.stringify({ type: 'DELETED', object: podObject })}\n`);
        return;
      }
      if (req.method === 'POST' && path === '/api/v1/namespaces/forbidden/pods') {
        send(res, 403, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'pods "x" is forbidden: quota',
          reason: 'Forbidden',
          code: 403,
        });
        return;
      }
      send(res, 404, { kind: 'Status', message: `no route ${req.method ?? ''} ${url}`, code: 404 });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'kind-test', cluster: 'c', user: 'u' }],
    currentContext: 'kind-test',
  });
  api = clientApi(config, 'kind-test');
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

describe('clientApi', () => {
  it('reads the server version', async () => {
    expect(await api.serverVersion()).toEqual({ major: '1', minor: '35', gitVersion: 'v1.35.8' });
  });

  it('sends the compiled manifest as compiled, and the namespace with its labels and expiry', async () => {
    const compiled = compileManifest(doomed, {
      flavour: 'kube',
      podName: 'doomed',
      namespace: 'ns1',
      markerHostDir: '/tmp/podconform/ns1',
      labels: { 'app.kubernetes.io/managed-by': 'podconform' },
    });
    if (compiled.status !== 'ok') throw new Error(compiled.reason);
    await api.createNamespace(
      'ns1',
      { 'app.kubernetes.io/managed-by': 'podconform' },
      { 'podconform.io/expires-at': 'T' },
    );
    await api.createPod('ns1', compiled.pod.manifest);
    const [ns, pod] = seen.filter((s) => s.method === 'POST').slice(-2);
    expect(ns?.body).toEqual({
      metadata: {
        name: 'ns1',
        labels: { 'app.kubernetes.io/managed-by': 'podconform' },
        annotations: { 'podconform.io/expires-at': 'T' },
      },
    });
    expect(pod?.body).toEqual(JSON.parse(JSON.stringify(compiled.pod.manifest)));
  });

  it('deletes with the grace period as a query parameter', async () => {
    await api.deletePod('ns1', 'doomed', 5);
    const del = seen.filter((s) => s.method === 'DELETE').pop();
    expect(del?.url).toContain('gracePeriodSeconds=5');
  });

  it('reads a missing pod as undefined and a missing namespace as already deleted', async () => {
    expect(await api.readPod('ns1', 'missing')).toBeUndefined();
    expect((await api.readPod('ns1', 'doomed'))?.metadata.uid).toBe('u1');
    await expect(api.deleteNamespace('gone')).resolves.toBeUndefined();
  });

  it("quotes the API's Status message when it refuses", async () => {
    const error = await api.createPod('forbidden', { metadata: { name: 'x' } }).catch((e: unknown) => e);
    expect(apiErrorText(error)).toBe('HTTP 403: pods "x" is forbidden: quota');
  });

  it('watches one pod by field selector and delivers its objects, then ends', async () => {
    const got: string[] = [];
    const ended = new Promise<unknown>((resolve) => {
      void api.watchPod(
        'ns1',
        'doomed',
        { timeoutSeconds: 90, resourceVersion: '3' },
        (type: WatchEventType, object: unknown) => got.push(`${type}:${(object as typeof podObject).metadata.uid}`),
        resolve,
      );
    });
    expect(await ended).toBeNull();
    expect(got).toEqual(['ADDED:u1', 'DELETED:u1']);
    const request = seen.filter((s) => s.url.includes('watch=true')).pop();
    const query = new URLSearchParams(request?.url.split('?')[1]);
    expect(query.get('fieldSelector')).toBe('metadata.name=doomed');
    expect(query.get('timeoutSeconds')).toBe('90');
    expect(query.get('resourceVersion')).toBe('3');
  });
});
