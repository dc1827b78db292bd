/** The assumptions a plain manifest gets, how annotations and flags replace them, and which decide the outcome. */
import { describe, expect, it } from 'vitest';
import { loadInputText } from '../../../../harness/cases/index.ts';
import { resolveAssumptions, type Assumption } from '../../../../harness/cli/predict/assumptions.ts';
import { decidedOutcomes } from '../../../../harness/cli/predict/decisive-assumptions.ts';
import { takeSettingFlags } from '../../../../harness/cli/predict/setting-flags.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';

function scenarioOf(pod: string, annotations = ''): Scenario {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n${pod}`;
  const loaded = loadInputText(text, 'p.yaml', { observeForSeconds: 60 });
  if (loaded.status !== 'ok') throw new Error(JSON.stringify(loaded.problems));
  return loaded.caseFile.scenario;
}

function resolve(scenario: Scenario, argv: string[] = [], plainManifest = true) {
  const flags = takeSettingFlags(argv);
  if (flags.status !== 'ok') throw new Error(flags.message);
  return resolveAssumptions(scenario, { plainManifest, flags: flags.settings });
}

function assumed(list: ReadonlyArray<Assumption>, flagPrefix: string): Assumption | undefined {
  return list.find((a) => a.flag.startsWith(flagPrefix));
}

const initAndApp = `  initContainers:
    - {name: migrate, image: example/migrate:1}
  containers:
    - name: app
      image: nginx:1.27
      lifecycle: {postStart: {exec: {command: [warm-up]}}}
      readinessProbe: {httpGet: {port: 80}}
`;

describe('assumptions for a plain manifest', () => {
  it('gives each unwritten process, hook and probe the most likely default, each with its flag and annotation', () => {
    const r = resolve(scenarioOf(initAndApp));
    if (r.status !== 'ok') throw new Error(r.message);
    expect(assumed(r.assumptions, '--exits migrate=')?.flag).toBe('--exits migrate=0@2s');
    expect(assumed(r.assumptions, '--exits migrate=')?.annotation).toBe('podconform.dev/exits.migrate: "0@2s"');
    expect(assumed(r.assumptions, '--exits app=')?.flag).toBe('--exits app=never');
    // nginx stops on SIGQUIT and exits 0 (§11.1)
    expect(assumed(r.assumptions, '--on-term app=')?.flag).toBe('--on-term app=exit:0');
    expect(assumed(r.assumptions, '--hook app.postStart=')?.flag).toBe('--hook app.postStart=0.5s');
    expect(assumed(r.assumptions, '--probe app.readiness=')?.flag).toBe('--probe app.readiness=passes');
    const migrate = r.scenario.pod.initContainers[0];
    expect(migrate?.behavior.base.exit).toEqual({ exitCode: 0, afterSeconds: 2 });
    expect(r.scenario.pod.containers[0]?.postStart?.takesSeconds).toBe(0.5);
  });

  it('lets a task under restartPolicy Never finish, and a shell as PID 1 ignore TERM', () => {
    const r = resolve(
      scenarioOf(
        `  restartPolicy: Never\n  containers:\n    - {name: task, image: busybox:1.36, command: [sh, -c, "work"]}\n`,
      ),
    );
    if (r.status !== 'ok') throw new Error(r.message);
    expect(assumed(r.assumptions, '--exits task=')?.flag).toBe('--exits task=0@10s');
    expect(assumed(r.assumptions, '--on-term task=')?.flag).toBe('--on-term task=ignore');
  });

  it('takes annotations over defaults and flags over annotations', () => {
    const annotations =
      '  annotations:\n    podconform.dev/exits.migrate: "0@20s"\n    podconform.dev/hook.app.postStart: "5s"\n';
    const r = resolve(scenarioOf(initAndApp, annotations), ['--exits', 'migrate=1@3s']);
    if (r.status !== 'ok') throw new Error(r.message);
    expect(assumed(r.assumptions, '--exits migrate=')).toMatchObject({ source: 'flag', flag: '--exits migrate=1@3s' });
    expect(assumed(r.assumptions, '--hook app.postStart=')).toMatchObject({ source: 'annotation' });
    expect(r.scenario.pod.initContainers[0]?.behavior.base.exit).toEqual({ exitCode: 1, afterSeconds: 3 });
    expect(r.scenario.pod.containers[0]?.postStart?.takesSeconds).toBe(5);
  });

  it('assumes nothing for a case file, but still applies its flags', () => {
    const s = scenarioOf(initAndApp);
    const r = resolve(s, ['--probe', 'app.readiness=fails'], false);
    if (r.status !== 'ok') throw new Error(r.message);
    expect(r.assumptions.map((a) => a.source)).toEqual(['flag']);
    expect(r.scenario.pod.initContainers[0]?.behavior).toEqual(s.pod.initContainers[0]?.behavior);
  });

  it('names the flag or annotation that points at nothing', () => {
    const flag = resolve(scenarioOf(initAndApp), ['--hook', 'app.preStop=5s']);
    expect(flag).toMatchObject({ status: 'error', where: '--hook app.preStop=5s' });
    const annotation = resolve(scenarioOf(initAndApp, '  annotations:\n    podconform.dev/exits.nosuch: "0@2s"\n'));
    expect(annotation).toMatchObject({ status: 'error', where: 'metadata.annotations["podconform.dev/exits.nosuch"]' });
    if (annotation.status === 'error') expect(annotation.message).toContain('migrate, app');
  });
});

describe('which assumptions decide the outcome', () => {
  it('finds the init container default deciding, and a stop-signal default that changes nothing not deciding', () => {
    const r = resolve(scenarioOf(initAndApp));
    if (r.status !== 'ok') throw new Error(r.message);
    const decided = decidedOutcomes(r.scenario, r.assumptions);
    const byFlag = new Map(r.assumptions.map((a, i) => [a.flag, decided[i]]));
    const init = byFlag.get('--exits migrate=0@2s');
    expect(init?.assumedOutcome.status).toBe('Running');
    expect(init?.alternativeOutcome.status).toMatch(/^Init:/);
    expect(init?.alternativeFlag).toBe('--exits migrate=1@2s');
    // no one stops the pod within the observation, so how it reacts to TERM cannot matter
    expect(byFlag.get('--on-term app=exit:0')).toBeUndefined();
  });

  it('does not question what the user said', () => {
    const r = resolve(scenarioOf(initAndApp), ['--exits', 'migrate=0@2s']);
    if (r.status !== 'ok') throw new Error(r.message);
    const decided = decidedOutcomes(r.scenario, r.assumptions);
    expect(decided[r.assumptions.findIndex((a) => a.source === 'flag')]).toBeUndefined();
  });
});
