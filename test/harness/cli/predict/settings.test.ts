/** The one grammar of `predict`'s setting flags and `podconform.dev/` annotations. */
import { describe, expect, it } from 'vitest';
import {
  parseAnnotationSetting,
  parseFlagSetting,
  type SettingKind,
} from '../../../../harness/cli/predict/settings.ts';

describe('settings: flags and annotations parse to the same scenario fields', () => {
  const cases: ReadonlyArray<[SettingKind, string, string, unknown]> = [
    [
      'exits',
      'migrate',
      '0@20s',
      { type: 'exits', container: 'migrate', value: { type: 'exits', exitCode: 0, afterSeconds: 20 } },
    ],
    ['exits', 'app', 'never', { type: 'exits', container: 'app', value: { type: 'never' } }],
    ['on-term', 'legacy', 'ignore', { type: 'on-term', container: 'legacy', value: { type: 'ignore' } }],
    [
      'on-term',
      'web',
      'exit:0@5s',
      { type: 'on-term', container: 'web', value: { type: 'exit', exitCode: 0, afterSeconds: 5 } },
    ],
    [
      'on-term',
      'web',
      'exit',
      { type: 'on-term', container: 'web', value: { type: 'exit', exitCode: 143, afterSeconds: 0 } },
    ],
    [
      'hook',
      'proxy.postStart',
      '5s',
      { type: 'hook', container: 'proxy', hook: 'postStart', value: { result: 'success', takesSeconds: 5 } },
    ],
    [
      'hook',
      'proxy.preStop',
      'fail@2s',
      { type: 'hook', container: 'proxy', hook: 'preStop', value: { result: 'fail', takesSeconds: 2 } },
    ],
    [
      'hook',
      'proxy.postStart',
      'fail',
      { type: 'hook', container: 'proxy', hook: 'postStart', value: { result: 'fail' } },
    ],
    [
      'probe',
      'app.readiness',
      'fails-until:30s',
      { type: 'probe', container: 'app', probe: 'readinessProbe', value: { type: 'until', seconds: 30 } },
    ],
    [
      'probe',
      'app.liveness',
      'fails-after-term:0s',
      { type: 'probe', container: 'app', probe: 'livenessProbe', value: { type: 'afterTerm', seconds: 0 } },
    ],
    [
      'probe',
      'app.startupProbe',
      'fails',
      { type: 'probe', container: 'app', probe: 'startupProbe', value: { type: 'always' } },
    ],
  ];
  for (const [kind, target, value, setting] of cases) {
    it(`--${kind} ${target}=${value}`, () => {
      expect(parseFlagSetting(kind, `${target}=${value}`)).toEqual({ status: 'ok', setting });
      expect(parseAnnotationSetting(`podconform.dev/${kind}.${target}`, value)).toEqual({ status: 'ok', setting });
    });
  }

  it('leaves other annotations alone and refuses unknown podconform.dev/ keys', () => {
    expect(parseAnnotationSetting('sidecar.istio.io/inject', 'true')).toBeUndefined();
    const typo = parseAnnotationSetting('podconform.dev/exit.migrate', '0@2s');
    expect(typo?.status).toBe('error');
  });

  it('says what is wrong in one line', () => {
    const problems = [
      parseFlagSetting('exits', 'migrate=0@2x'),
      parseFlagSetting('exits', 'migrate=300@2s'),
      parseFlagSetting('exits', 'migrate'),
      parseFlagSetting('on-term', 'web=stop'),
      parseFlagSetting('hook', 'proxy.onStart=5s'),
      parseFlagSetting('probe', 'app.readyness=fails'),
      parseFlagSetting('probe', 'App.readiness=fails'),
    ];
    for (const p of problems) {
      expect(p.status).toBe('error');
      if (p.status === 'error') expect(p.message).not.toContain('\n');
    }
    const bad = parseFlagSetting('exits', 'migrate=300@2s');
    expect(bad.status === 'error' ? bad.message : '').toContain('0..255');
  });
});
