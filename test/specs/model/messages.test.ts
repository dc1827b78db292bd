import { describe, expect, it } from 'vitest';
import { predict } from '../../../specs/model/index.ts';
import {
  matchesTemplate,
  parseMessageTemplate,
  templateParts,
  type PredictedEvent,
  type Scenario,
} from '../../../specs/vocabulary/index.ts';
import { eventsOf, exits, regular, scenario } from './build-scenario.ts';
import { builtCorpus, sharedCases } from './corpus.ts';

function allEvents(scenarios: ReadonlyArray<Scenario>): PredictedEvent[] {
  return scenarios.flatMap((s) => predict(s).events);
}

const crashing = scenario({
  containers: [regular('app', { behavior: { base: exits(1, 1), restarts: [] } })],
  observeFor: 30,
});

function inNamespace(s: Scenario, namespace: string): Scenario {
  return { ...s, pod: { ...s.pod, metadataExtra: { namespace } } };
}

describe('predicted Event messages are templates (Corrections 17, 18, 25)', () => {
  it('every message parses, and none claims a namespace, node, duration or size the scenario does not give', async () => {
    const scenarios = [...builtCorpus, ...(await sharedCases())].map((e) => e.scenario);
    const events = allEvents(scenarios);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) {
      expect(parseMessageTemplate(e.message).status, e.message).toBe('ok');
      const literal = templateParts(e.message)
        .filter((p) => p.type === 'literal')
        .map((p) => (p.type === 'literal' ? p.text : ''))
        .join('|');
      expect(literal, e.message).not.toMatch(/_default\(|default\/| to node$|\d+(\.\d+)?m?s \(|Image size: \d/);
    }
    const reasons = new Set(events.filter((e) => e.message.includes('{')).map((e) => e.reason));
    for (const r of ['Scheduled', 'Pulled', 'BackOff', 'Failed']) expect(reasons.has(r), r).toBe(true);
  });

  it('names the namespace the manifest gives in Scheduled and BackOff; otherwise leaves a hole', () => {
    const scheduled = eventsOf(predict(crashing), 'Scheduled')[0];
    expect(scheduled?.message).toBe('Successfully assigned {namespace}/demo to {node}');
    const backOff = eventsOf(predict(crashing), 'BackOff', 'app')[0];
    expect(backOff?.message).toBe('Back-off restarting failed container app in pod demo_{namespace}({uid})');

    const inTeam = predict(inNamespace(crashing, 'team-a'));
    expect(eventsOf(inTeam, 'Scheduled')[0]?.message).toBe('Successfully assigned team-a/demo to {node}');
    const teamBackOff = eventsOf(inTeam, 'BackOff', 'app')[0]?.message;
    expect(teamBackOff).toBe('Back-off restarting failed container app in pod demo_team-a({uid})');
    if (teamBackOff === undefined) return;
    expect(
      matchesTemplate(
        teamBackOff,
        'Back-off restarting failed container app in pod demo_team-a(6f1c0d52-1b4e-4a8e-9a39-1c2b3d4e5f60)',
      ),
    ).toBe(true);
    expect(matchesTemplate(teamBackOff, 'Back-off restarting failed container app in pod demo_default(1)')).toBe(false);
  });

  it('predicts no Scheduled event for a pod whose manifest names its node (the scheduler never sees it)', () => {
    const bound: Scenario = { ...crashing, pod: { ...crashing.pod, specExtra: { nodeName: 'worker-1' } } };
    expect(eventsOf(predict(bound), 'Scheduled')).toEqual([]);
    expect(eventsOf(predict(crashing), 'Scheduled')).toHaveLength(1);
  });
});
