/**
 * The exec: protocol's messages (FORMAT.md): one request line `{"case": CASE}`, one answer line
 * `{"observation": …}` or `{"error": "message"}`. Answers are read into values, never thrown.
 */
import type { Observation, Scenario } from '../../../specs/vocabulary/index.ts';
import { toProtocolCase } from '../../cases/index.ts';
import { parseObservation } from './parse-observation.ts';

/** The protocol version this suite speaks (FORMAT.md v1). */
export const execProtocolVersion = 1;

/** The request line for one case, without its line break. */
export function requestLine(scenario: Scenario): string {
  return JSON.stringify({ case: toProtocolCase(scenario) });
}

/** What one answer line says. */
export type Answer =
  | { readonly status: 'observation'; readonly observation: Observation }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'malformed'; readonly problem: string };

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Reads one answer line. */
export function parseAnswer(line: string): Answer {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { status: 'malformed', problem: `answered a line that is not JSON: ${clip(line)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      status: 'malformed',
      problem: `answered ${clip(line)}; expected {"observation": ...} or {"error": "..."}`,
    };
  }
  const answer = value as Readonly<Record<string, unknown>>;
  if ('error' in answer) {
    const message = answer['error'];
    return typeof message === 'string'
      ? { status: 'error', message }
      : {
          status: 'malformed',
          problem: `answered {"error": ${clip(JSON.stringify(message) ?? '')}}; the error must be a string`,
        };
  }
  if ('observation' in answer) {
    const parsed = parseObservation(answer['observation']);
    if (parsed.status === 'ok') return { status: 'observation', observation: parsed.observation };
    const shown = parsed.problems.slice(0, 5).join('; ');
    const more = parsed.problems.length > 5 ? ` (+${parsed.problems.length - 5} more)` : '';
    return { status: 'malformed', problem: `answered an observation that does not fit the format: ${shown}${more}` };
  }
  return {
    status: 'malformed',
    problem: `answered ${clip(line)}; expected {"observation": ...} or {"error": "..."}`,
  };
}
