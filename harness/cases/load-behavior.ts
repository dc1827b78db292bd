/** A container's `behavior` block: what its main process does on each start (FORMAT.md "Behaviour blocks"). */
import { isMap } from 'yaml';
import type { ContainerBehavior, RunBehavior, TermHandling } from '../../specs/vocabulary/index.ts';
import type { Entries, Field, Reader } from './yaml-reader.ts';

/** The exit code of a process that exits on SIGTERM without saying otherwise (128 + 15). */
export const defaultTermExitCode = 143;

/** Runs until signalled, exits at once with 143 on SIGTERM; what a container without `behavior` does. */
export const defaultContainerBehavior: ContainerBehavior = {
  base: { onTerm: { type: 'exit', exitCode: defaultTermExitCode, afterSeconds: 0 } },
  restarts: [],
};

const runKeys = ['exitCode', 'after', 'onTerm', 'termExitCode'];

/** Reads a container's behaviour; an absent block gives the default. */
export function readContainerBehavior(reader: Reader, field: Field | undefined): ContainerBehavior | undefined {
  if (field === undefined) return defaultContainerBehavior;
  const entries = reader.mapping(field, [...runKeys, 'restarts']);
  if (entries === undefined) return undefined;
  const base = readRunBehavior(reader, entries);
  const restartsField = entries.get('restarts');
  const restarts = restartsField === undefined ? [] : readRestarts(reader, restartsField);
  if (base === undefined || restarts === undefined) return undefined;
  return { base, restarts };
}

function readRestarts(reader: Reader, field: Field): ContainerBehavior['restarts'] | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const result: { fromStart: number; behavior: RunBehavior }[] = [];
  let ok = true;
  for (const item of items) {
    const entries = reader.mapping(item, ['from', ...runKeys]);
    const fromField = entries?.require('from');
    const fromStart = fromField === undefined ? undefined : reader.integer(fromField, 1);
    const behavior = entries === undefined ? undefined : readRunBehavior(reader, entries);
    if (fromStart !== undefined && result.some((entry) => entry.fromStart === fromStart)) {
      reader.report(item, `two restarts entries for start ${fromStart}`);
      ok = false;
    } else if (fromStart === undefined || behavior === undefined) {
      ok = false;
    } else {
      result.push({ fromStart, behavior });
    }
  }
  return ok ? result : undefined;
}

/** One run: `exitCode` + `after` (both or neither), `onTerm`, `termExitCode`. */
function readRunBehavior(reader: Reader, entries: Entries): RunBehavior | undefined {
  const exitCodeField = entries.get('exitCode');
  const afterField = entries.get('after');
  const exitCode = exitCodeField === undefined ? undefined : reader.integer(exitCodeField, 0, 255);
  const afterSeconds = afterField === undefined ? undefined : reader.duration(afterField);
  const termExitCodeField = entries.get('termExitCode');
  const termExitCode = termExitCodeField === undefined ? undefined : reader.integer(termExitCodeField, 0, 255);
  if (termExitCodeField !== undefined && termExitCode === undefined) return undefined;
  const onTermField = entries.get('onTerm');
  const onTerm = readOnTerm(reader, onTermField, termExitCode ?? defaultTermExitCode);
  if ((exitCodeField === undefined) !== (afterField === undefined)) {
    const missing = exitCodeField === undefined ? 'exitCode' : 'after';
    const given = exitCodeField === undefined ? afterField : exitCodeField;
    // One without the other has no documented meaning; guessing a default would hide a mistake.
    reader.report(
      given ?? entries.parent,
      `exitCode and after go together: add '${missing}', or leave both out (runs until signalled)`,
    );
    return undefined;
  }
  if (
    (exitCodeField !== undefined && exitCode === undefined) ||
    (afterField !== undefined && afterSeconds === undefined)
  ) {
    return undefined;
  }
  if (onTerm === undefined) return undefined;
  const exit = exitCode === undefined || afterSeconds === undefined ? undefined : { exitCode, afterSeconds };
  return { ...(exit === undefined ? {} : { exit }), onTerm };
}

function readOnTerm(reader: Reader, field: Field | undefined, termExitCode: number): TermHandling | undefined {
  if (field === undefined) return { type: 'exit', exitCode: termExitCode, afterSeconds: 0 };
  if (!isMap(field.node)) {
    const word = reader.oneOf(field, ['exit', 'ignore'] as const);
    if (word === undefined) return undefined;
    return word === 'ignore' ? { type: 'ignore' } : { type: 'exit', exitCode: termExitCode, afterSeconds: 0 };
  }
  const entries = reader.mapping(field, ['exitAfter', 'exitCode']);
  const afterField = entries?.require('exitAfter');
  const codeField = entries?.get('exitCode');
  const afterSeconds = afterField === undefined ? undefined : reader.duration(afterField);
  const exitCode = codeField === undefined ? termExitCode : reader.integer(codeField, 0, 255);
  if (afterSeconds === undefined || exitCode === undefined) return undefined;
  return { type: 'exit', exitCode, afterSeconds };
}
