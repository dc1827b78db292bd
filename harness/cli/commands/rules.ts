/** `podconform rules [--json] [--area AREA] [--origin ORIGIN] [--standing STANDING]`: lists the rule catalogue. */
import type { Rule, RuleArea, RuleOrigin, Standing } from '../../../specs/rules/index.ts';
import { allRules, ruleAreas, ruleOrigins, standings } from '../../../specs/rules/index.ts';
import { renderRulesText, rulesJson } from '../../../specs/rules/render.ts';
import type { CliIo } from '../io.ts';
import { exitCodes } from '../io.ts';

const usage = 'usage: podconform rules [--json] [--area AREA] [--origin ORIGIN] [--standing STANDING]';

interface RulesOptions {
  readonly json: boolean;
  readonly area?: RuleArea;
  readonly origin?: RuleOrigin;
  readonly standing?: Standing;
  readonly help: boolean;
}

type Parsed =
  { readonly status: 'ok'; readonly options: RulesOptions } | { readonly status: 'error'; readonly message: string };

type Picked<T> = { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly message: string };

function pick<T extends string>(option: string, allowed: ReadonlyArray<T>, value: string | undefined): Picked<T> {
  if (value === undefined || value === '') return { status: 'error', message: `${option} needs a value` };
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    return { status: 'error', message: `unknown ${option.slice(2)} '${value}' (one of: ${allowed.join(', ')})` };
  }
  return { status: 'ok', value: found };
}

function parseRulesArgs(argv: ReadonlyArray<string>): Parsed {
  let options: RulesOptions = { json: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') {
      options = { ...options, json: true };
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      options = { ...options, help: true };
      continue;
    }
    // Both `--area AREA` and `--area=AREA` are accepted, as most CLIs do.
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    const takeValue = (): string | undefined => {
      if (equals >= 0) return arg.slice(equals + 1);
      i += 1;
      return argv[i];
    };
    switch (name) {
      case '--area': {
        const picked = pick(name, ruleAreas, takeValue());
        if (picked.status === 'error') return picked;
        options = { ...options, area: picked.value };
        break;
      }
      case '--origin': {
        const picked = pick(name, ruleOrigins, takeValue());
        if (picked.status === 'error') return picked;
        options = { ...options, origin: picked.value };
        break;
      }
      case '--standing': {
        const picked = pick(name, standings, takeValue());
        if (picked.status === 'error') return picked;
        options = { ...options, standing: picked.value };
        break;
      }
      default:
        return {
          status: 'error',
          message: `${arg.startsWith('-') ? 'unknown option' : 'unexpected argument'} '${arg}'`,
        };
    }
  }
  return { status: 'ok', options };
}

function selectRules(options: RulesOptions): ReadonlyArray<Rule> {
  return allRules.filter(
    (rule) =>
      (options.area === undefined || rule.area === options.area) &&
      (options.origin === undefined || rule.origin === options.origin) &&
      (options.standing === undefined || rule.standing === options.standing),
  );
}

/**
 * Runs `podconform rules` with the arguments that follow the command name: prints the catalogue as text
 * (or JSON with `--json`), optionally filtered; a bad argument is one line on `io.err` and exit 2.
 */
export function rulesCommand(argv: ReadonlyArray<string>, io: CliIo): number {
  const parsed = parseRulesArgs(argv);
  if (parsed.status === 'error') {
    io.err(`podconform rules: ${parsed.message} (${usage})\n`);
    return exitCodes.badInput;
  }
  const { options } = parsed;
  if (options.help) {
    io.out(`${usage}\n`);
    return exitCodes.ok;
  }
  const rules = selectRules(options);
  io.out(options.json ? `${JSON.stringify(rulesJson(rules), null, 2)}\n` : renderRulesText(rules));
  return exitCodes.ok;
}
