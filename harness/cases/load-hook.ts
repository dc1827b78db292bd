/** A `postStart` or `preStop` handler and its `behavior {takes, result}`. */
import type { Hook } from '../../specs/vocabulary/index.ts';
import { lifecycleHandlerFields } from './k8s-fields.ts';
import { readHandlerAction } from './load-handler-action.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** Reads a hook; without `behavior` it succeeds after 0 s, or after N s for `sleep: {seconds: N}`. */
export function readHook(reader: Reader, field: Field): Hook | undefined {
  const entries = reader.mapping(field, [...lifecycleHandlerFields, 'behavior']);
  if (entries === undefined) return undefined;
  const action = readHandlerAction(reader, entries, ['exec', 'httpGet', 'tcpSocket', 'sleep']);
  const behaviorField = entries.get('behavior');
  const behavior = behaviorField === undefined ? undefined : reader.mapping(behaviorField, ['takes', 'result']);
  if (behaviorField !== undefined && behavior === undefined) return undefined;
  const takesField = behavior?.get('takes');
  const resultField = behavior?.get('result');
  const takes = takesField === undefined ? undefined : reader.duration(takesField);
  const result = resultField === undefined ? 'success' : reader.oneOf(resultField, ['success', 'fail'] as const);
  if (action === undefined || result === undefined || (takesField !== undefined && takes === undefined))
    return undefined;
  const takesSeconds = takes ?? (action.type === 'sleep' ? action.seconds : 0);
  return { action, takesSeconds, result };
}
