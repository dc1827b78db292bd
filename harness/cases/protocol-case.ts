/** The case as the exec: protocol sends it (FORMAT.md): the case file's content as JSON, without expectations. */
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { caseObject } from './case-object.ts';

/** The JSON value of `{"case": CASE}`: FORMAT.md key names, every duration a number of seconds. */
export function toProtocolCase(scenario: Scenario): unknown {
  return caseObject({ scenario }, (seconds) => seconds);
}
