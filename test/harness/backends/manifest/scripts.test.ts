/**
 * The generated scripts, run: each compiled container's main script, exec hooks and probes, HTTP and TCP handlers,
 * executed with the host's busybox (busybox-run.ts) against a marker directory, then judged by exit code, timing
 * and the markers they wrote. Marker times come from busybox's own clock, so the bounds on them are tight; times
 * seen from this process carry node's scheduling and are looser.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Container, Hook, Probe, RunBehavior } from '../../../../specs/vocabulary/index.ts';
import { scriptPrelude } from '../../../../harness/backends/manifest/script-prelude.ts';
import { container, exits, probe, runs, scenario } from '../sim/build.ts';
import { compiled, haveBusybox, makeNode, pause, scriptOf, type Node } from './busybox-run.ts';

const nodes: Node[] = [];
async function node(): Promise<Node> {
  const n = await makeNode();
  nodes.push(n);
  return n;
}
afterEach(async () => {
  for (const n of nodes.splice(0)) await n.remove();
});

function pod(c: Container): ReturnType<typeof compiled>['spec']['containers'][number] {
  const compiledContainer = compiled(scenario({ containers: [c] })).spec.containers[0];
  if (compiledContainer === undefined) throw new Error('no container');
  return compiledContainer;
}

function mainOf(c: Container): string {
  return scriptOf(pod(c).command);
}

/** Marker events of one container as `event[ detail]`, in file order. */
async function events(n: Node): Promise<string[]> {
  return (await n.markers()).map((m) => (m.detail === undefined ? m.event : `${m.event} ${m.detail}`));
}

/** Seconds between the first marker `from` and the first marker `to` after it. */
async function between(n: Node, from: string, to: string, occurrence = 1): Promise<number> {
  const markers = await n.markers();
  const starts = markers.filter((m) => m.event === from);
  const a = starts[occurrence - 1];
  if (a === undefined) throw new Error(`no ${from}#${occurrence}`);
  const b = markers.find((m) => m.event === to && m.epochSeconds >= a.epochSeconds);
  if (b === undefined) throw new Error(`no ${to} after ${from}#${occurrence}`);
  return b.epochSeconds - a.epochSeconds;
}

const app = (behavior: RunBehavior, fields: Parameters<typeof container>[2] = {}): Container =>
  container('app', behavior, fields);

// Upper bounds leave room for a loaded machine (2 shared cores): forking `sleep` and waking up take their time.
// Every mistake these tests are for is off by far more (a whole behaviour's time, or a run cut short).
const slack = 0.25;

function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

function tcpConnects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => {
      resolve(false);
    });
  });
}

async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await tcpConnects(port)) return;
    await pause(0.01);
  }
  throw new Error(`nothing listens on ${port}`);
}

async function get(port: number, path: string): Promise<{ status: number; seconds: number }> {
  const t0 = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  await response.arrayBuffer();
  return { status: response.status, seconds: (performance.now() - t0) / 1000 };
}

describe.runIf(haveBusybox)('the clock in µs', () => {
  // $EPOCHREALTIME cannot be set, so the test runs `us` with its reading replaced by fixed times; a fraction with
  // a leading zero must not be read as octal (012345 would be 5349, and 000089 a syntax error).
  it('reads fractions with leading zeros as decimal', async () => {
    const n = await node();
    const times = ['1700000000.012345', '1700000000.000089', '1700000000.090000', '1700000000.999999'];
    const us = scriptPrelude('app')
      .split('\n')
      .find((line) => line.startsWith('us(){'));
    if (us === undefined) throw new Error('no us() in the prelude');
    const lines = times.map((t) => `${us.replace('$EPOCHREALTIME', t)}; us; echo "app started $U"`);
    const p = n.start(`{\n${lines.join('\n')}\n} >>${n.dir}/markers`);
    expect((await p.exited).code).toBe(0);
    expect((await n.markers()).map((m) => m.epochSeconds)).toEqual([
      1700000000012345, 1700000000000089, 1700000000090000, 1700000000999999,
    ]);
  });
});

describe.runIf(haveBusybox)('main script: exit code and timing per start', () => {
  it('exits with its code after its time, marking started and exiting with the code', async () => {
    const n = await node();
    const p = n.start(mainOf(app(exits(3, 0.4))));
    const { code } = await p.exited;
    expect(code).toBe(3);
    expect(await events(n)).toEqual(['started', 'exiting 3']);
    const took = await between(n, 'started', 'exiting');
    expect(took).toBeGreaterThanOrEqual(0.4);
    expect(took).toBeLessThan(0.4 + slack);
  });

  it('counts its starts in the marker file and acts out the behaviour of each start', async () => {
    const n = await node();
    const script = mainOf(
      app(exits(3, 0.1), {
        restarts: [
          { fromStart: 4, behavior: exits(0, 0.1) },
          { fromStart: 2, behavior: exits(7, 0.2) },
        ],
      }),
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await n.start(script).exited).code);
    expect(codes).toEqual([3, 7, 7, 0, 0]);
    expect((await n.markers()).filter((m) => m.event === 'started')).toHaveLength(5);
    // the second start runs the entry from start 2: 0.2 s, not the base's 0.1 s
    expect(await between(n, 'started', 'exiting', 2)).toBeGreaterThanOrEqual(0.2);
  });

  it('a TERM with onTerm exit: marks term and exits with the code at once', async () => {
    const n = await node();
    const p = n.start(mainOf(app(runs('exit', 0, 143))));
    await pause(0.3);
    const sentAt = performance.now();
    p.child.kill('SIGTERM');
    const { code } = await p.exited;
    expect(code).toBe(143);
    expect((performance.now() - sentAt) / 1000).toBeLessThan(slack);
    expect(await events(n)).toEqual(['started', 'term', 'exiting 143']);
    expect(await between(n, 'term', 'exiting')).toBeLessThan(0.1);
  });

  it('a TERM with onTerm exit after 0.5 s: exits with that code 0.5 s after the TERM', async () => {
    const n = await node();
    const p = n.start(mainOf(app(runs('exit', 0.5, 0))));
    await pause(0.2);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
    const took = await between(n, 'term', 'exiting');
    expect(took).toBeGreaterThanOrEqual(0.5);
    expect(took).toBeLessThan(0.5 + slack);
  });

  it('a second TERM does not put the exit off: it comes after its time from the first', async () => {
    const n = await node();
    const p = n.start(mainOf(app(runs('exit', 0.6, 2))));
    await pause(0.2);
    p.child.kill('SIGTERM');
    await pause(0.3);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(2);
    expect(await events(n)).toEqual(['started', 'term', 'term', 'exiting 2']);
    const took = await between(n, 'term', 'exiting');
    expect(took).toBeGreaterThanOrEqual(0.6);
    expect(took).toBeLessThan(0.6 + slack);
  });

  it('its own exit still comes at its time while a slow TERM handler waits', async () => {
    const n = await node();
    const p = n.start(mainOf(app({ exit: { exitCode: 4, afterSeconds: 0.6 }, onTerm: runs('exit', 2, 143).onTerm })));
    await pause(0.2);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(4);
    expect(await events(n)).toEqual(['started', 'term', 'exiting 4']);
    const took = await between(n, 'started', 'exiting');
    expect(took).toBeGreaterThanOrEqual(0.6);
    expect(took).toBeLessThan(0.6 + slack);
  });

  it('onTerm ignore: every TERM is marked, and the run goes on to its own exit undisturbed', async () => {
    const n = await node();
    const p = n.start(mainOf(app(exits(5, 0.8, 'ignore'))));
    await pause(0.2);
    p.child.kill('SIGTERM');
    await pause(0.2);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(5);
    expect(await events(n)).toEqual(['started', 'term', 'term', 'exiting 5']);
    const took = await between(n, 'started', 'exiting');
    expect(took).toBeGreaterThanOrEqual(0.8);
    expect(took).toBeLessThan(0.8 + slack);
  });

  it('a TERM that arrives while the script sets up is remembered and handled once the behaviour is known', async () => {
    const n = await node();
    const script = mainOf(app(runs('exit', 0, 143)));
    expect(script).toContain('\nm started\n');
    // the TERM comes right after the start marker, before the trap that knows the behaviour is set
    const p = n.start(script.replace('\nm started\n', () => '\nm started; kill -TERM $$\n'));
    const deadline = pause(2).then(() => ({ code: -1, afterSeconds: 2 }));
    const { code, afterSeconds } = await Promise.race([p.exited, deadline]);
    expect(code).toBe(143);
    expect(afterSeconds).toBeLessThan(slack * 4);
    expect(await events(n)).toEqual(['started', 'term', 'exiting 143']);
  });

  it('onTerm ignore without an own exit: still running after the TERM, until killed', async () => {
    const n = await node();
    const p = n.start(mainOf(app(runs('ignore'))));
    await pause(0.2);
    p.child.kill('SIGTERM');
    await pause(0.4);
    expect(p.child.exitCode).toBeNull();
    p.child.kill('SIGKILL');
    expect((await p.exited).code).toBe(137);
    expect(await events(n)).toEqual(['started', 'term']);
  });
});

describe.runIf(haveBusybox)('exec probes and hooks', () => {
  it('probe answers follow from/until since the current start and afterTerm since the TERM', async () => {
    const n = await node();
    const c = pod(
      app(runs('ignore'), {
        readinessProbe: probe({ type: 'from', seconds: 1 }),
        livenessProbe: probe({ type: 'until', seconds: 1 }),
        startupProbe: probe({ type: 'afterTerm', seconds: 0.5 }, { takesSeconds: 0.2 }),
      }),
    );
    const main = n.start(scriptOf(c.command));
    const at = (seconds: number): Promise<void> =>
      pause(Math.max(0, seconds - (performance.now() - main.startedAtMs) / 1000));
    const run = async (p: typeof c.readinessProbe): Promise<number> =>
      (await n.start(scriptOf(p?.exec?.command)).exited).code;
    await at(0.1);
    expect([await run(c.readinessProbe), await run(c.livenessProbe)]).toEqual([0, 1]);
    const startup = await n.start(scriptOf(c.startupProbe?.exec?.command)).exited;
    expect(startup.code).toBe(0);
    expect(startup.afterSeconds).toBeGreaterThanOrEqual(0.2); // takesSeconds
    await at(1.2);
    expect([await run(c.readinessProbe), await run(c.livenessProbe), await run(c.startupProbe)]).toEqual([1, 0, 0]);
    const termAt = (performance.now() - main.startedAtMs) / 1000;
    main.child.kill('SIGTERM');
    await at(termAt + 0.05);
    expect(await run(c.startupProbe)).toBe(0);
    await at(termAt + 0.7);
    expect(await run(c.startupProbe)).toBe(1);
    main.child.kill('SIGKILL');
    await main.exited;
    const ran = (await n.markers()).filter((m) => m.event.endsWith('Probe.ran')).map((m) => `${m.event} ${m.detail}`);
    expect(ran).toEqual([
      'readinessProbe.ran ok',
      'livenessProbe.ran fail',
      'startupProbe.ran ok',
      'readinessProbe.ran fail',
      'livenessProbe.ran ok',
      'startupProbe.ran ok',
      'startupProbe.ran ok',
      'startupProbe.ran fail',
    ]);
  });

  it('from/until count from the current start, not the first one', async () => {
    const n = await node();
    const c = pod(
      app(exits(1, 0.3), {
        restarts: [{ fromStart: 2, behavior: runs() }],
        readinessProbe: probe({ type: 'from', seconds: 0.5 }),
      }),
    );
    await n.start(scriptOf(c.command)).exited;
    await pause(0.4);
    const second = n.start(scriptOf(c.command));
    await pause(0.1);
    // 0.8 s after the first start, 0.1 s after the second: the probe still succeeds
    expect((await n.start(scriptOf(c.readinessProbe?.exec?.command)).exited).code).toBe(0);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(143);
  });

  it('an exec probe still works when podman 4.3 joins its command with spaces and runs it with sh -c', async () => {
    const n = await node();
    const c = pod(app(runs(), { livenessProbe: probe({ type: 'until', seconds: 0.3 }) }));
    const main = n.start(scriptOf(c.command));
    await pause(0.05);
    const joined = (c.livenessProbe?.exec?.command ?? []).join(' ');
    expect((await n.start(joined).exited).code).toBe(1);
    await pause(0.4);
    expect((await n.start(joined).exited).code).toBe(0);
    main.child.kill('SIGTERM');
    await main.exited;
    expect(await events(n)).toEqual([
      'started',
      'livenessProbe.ran fail',
      'livenessProbe.ran ok',
      'term',
      'exiting 143',
    ]);
  });

  it('exec hooks mark started, take their time, mark finished with the result and exit 0 or 1', async () => {
    const n = await node();
    const hook = (takesSeconds: number, result: Hook['result']): Hook => ({
      action: { type: 'exec', command: ['true'] },
      takesSeconds,
      result,
    });
    const c = pod(app(runs(), { postStart: hook(0.3, 'success'), preStop: hook(0, 'fail') }));
    const post = await n.start(scriptOf(c.lifecycle?.postStart?.exec?.command)).exited;
    const pre = await n.start(scriptOf(c.lifecycle?.preStop?.exec?.command)).exited;
    expect([post.code, pre.code]).toEqual([0, 1]);
    expect(await events(n)).toEqual([
      'postStart.started',
      'postStart.finished ok',
      'preStop.started',
      'preStop.finished fail',
    ]);
    const took = await between(n, 'postStart.started', 'postStart.finished');
    expect(took).toBeGreaterThanOrEqual(0.3);
    expect(took).toBeLessThan(0.3 + slack);
  });
});

describe.runIf(haveBusybox)('httpGet and tcpSocket handlers', () => {
  it('one HTTP server per port answers each path: probe verdicts as 200/500, a slow hook beside a fast probe, 404', async () => {
    const n = await node();
    const port = randomPort();
    const c = pod(
      app(runs(), {
        preStop: { action: { type: 'httpGet', port, path: '/quiesce' }, takesSeconds: 0.5, result: 'fail' },
        readinessProbe: probe(
          { type: 'until', seconds: 1.5 },
          { action: { type: 'httpGet', port, path: 'ready?x=1' } },
        ),
      }),
    );
    const main = n.start(scriptOf(c.command));
    await waitListening(port);
    expect((await get(port, '/ready?probe=1')).status).toBe(500);
    await pause(Math.max(0, 1.6 - (performance.now() - main.startedAtMs) / 1000));
    const slow = get(port, '/quiesce');
    await pause(0.1);
    const fast = await get(port, '/ready');
    expect(fast.status).toBe(200);
    expect(fast.seconds).toBeLessThan(0.35); // not queued behind the slow hook (0.4 s more)
    const hook = await slow;
    expect(hook.status).toBe(500);
    expect(hook.seconds).toBeGreaterThanOrEqual(0.5);
    expect((await get(port, '/elsewhere')).status).toBe(404);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(143);
    expect((await events(n)).filter((e) => e !== 'started')).toEqual([
      'readinessProbe.ran fail',
      'preStop.started',
      'readinessProbe.ran ok',
      'preStop.finished fail',
      'term',
      'exiting 143',
    ]);
  });

  it('a tcpSocket probe listens exactly while it should succeed: from, until, afterTerm', async () => {
    const n = await node();
    const base = randomPort();
    const tcp = (port: number): Probe['action'] => ({ type: 'tcpSocket', port });
    const c = pod(
      app(runs('ignore'), {
        readinessProbe: probe({ type: 'from', seconds: 1 }, { action: tcp(base) }),
        livenessProbe: probe({ type: 'until', seconds: 1 }, { action: tcp(base + 1) }),
        startupProbe: probe({ type: 'afterTerm', seconds: 0.2 }, { action: tcp(base + 2) }),
      }),
    );
    const main = n.start(scriptOf(c.command));
    await waitListening(base);
    await waitListening(base + 2);
    expect([await tcpConnects(base), await tcpConnects(base + 1), await tcpConnects(base + 2)]).toEqual([
      true,
      false,
      true,
    ]);
    await pause(Math.max(0, 1.3 - (performance.now() - main.startedAtMs) / 1000));
    expect([await tcpConnects(base), await tcpConnects(base + 1), await tcpConnects(base + 2)]).toEqual([
      false,
      true,
      true,
    ]);
    main.child.kill('SIGTERM');
    await pause(0.05);
    expect(await tcpConnects(base + 2)).toBe(true);
    await pause(0.3);
    expect(await tcpConnects(base + 2)).toBe(false);
    main.child.kill('SIGKILL');
    await main.exited;
  });
});
