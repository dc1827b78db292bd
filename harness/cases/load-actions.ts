/** The `actions:` list: what is done to the pod through the API, in time order. */
import type { Action } from '../../specs/vocabulary/index.ts';
import { isScalar } from 'yaml';
import type { Field, Reader } from './yaml-reader.ts';

/** Reads `actions:`; an absent list is no actions. */
export function readActions(reader: Reader, field: Field | undefined): ReadonlyArray<Action> | undefined {
  if (field === undefined) return [];
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const actions: Action[] = [];
  let ok = true;
  for (const item of items) {
    const action = readAction(reader, item);
    const previous = actions[actions.length - 1];
    if (action !== undefined && previous !== undefined && action.atSeconds < previous.atSeconds) {
      reader.report(item, `actions must be in time order: ${action.atSeconds}s comes after ${previous.atSeconds}s`);
      ok = false;
    }
    if (action === undefined) ok = false;
    else actions.push(action);
  }
  return ok ? actions : undefined;
}

function readAction(reader: Reader, field: Field): Action | undefined {
  const entries = reader.mapping(field, ['at', 'delete']);
  if (entries === undefined) return undefined;
  const atField = entries.require('at');
  const atSeconds = atField === undefined ? undefined : reader.duration(atField);
  const deleteField = entries.require('delete');
  if (atSeconds === undefined || deleteField === undefined) return undefined;
  // `delete:` with nothing after it reads as null; it means the same as `delete: {}`.
  if (isScalar(deleteField.node) && deleteField.node.value === null) return { type: 'delete', atSeconds };
  const options = reader.mapping(deleteField, ['gracePeriodSeconds']);
  if (options === undefined) return undefined;
  const graceField = options.get('gracePeriodSeconds');
  if (graceField === undefined) return { type: 'delete', atSeconds };
  const gracePeriodSeconds = reader.integer(graceField, 0);
  return gracePeriodSeconds === undefined ? undefined : { type: 'delete', atSeconds, gracePeriodSeconds };
}
