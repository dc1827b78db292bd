/**
 * The repeatable `predict` flags `--exits`, `--on-term`, `--hook`, `--probe` (settings.ts), taken out of argv before
 * the shared parser (args.ts) sees it, which keeps one value per option.
 */
import { parseFlagSetting, settingGrammar, settingKinds, type SettingKind } from './settings.ts';
import type { FlagSetting } from './assumptions.ts';

export type SettingFlagsResult =
  | { readonly status: 'ok'; readonly rest: ReadonlyArray<string>; readonly settings: ReadonlyArray<FlagSetting> }
  | { readonly status: 'error'; readonly message: string };

/** Splits argv into the setting flags (parsed) and everything else (for parseArgs). */
export function takeSettingFlags(argv: ReadonlyArray<string>): SettingFlagsResult {
  const rest: string[] = [];
  const settings: FlagSetting[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const kind: SettingKind | undefined = settingKinds.find((k) => k === m?.[1]);
    if (m === null || kind === undefined) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') {
      return { status: 'error', message: `--${kind} needs a value: ${settingGrammar[kind]}` };
    }
    const parsed = parseFlagSetting(kind, value);
    const text = `--${kind} ${value}`;
    if (parsed.status === 'error') return { status: 'error', message: `${text}: ${parsed.message}` };
    settings.push({ setting: parsed.setting, text });
  }
  return { status: 'ok', rest, settings };
}
