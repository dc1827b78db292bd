/** Point references in expectations (`app.started#2`), checked against the pod's containers. */
import { parsePointRef, type PointRef } from '../../specs/vocabulary/index.ts';
import { quote } from './describe-value.ts';
import { didYouMean } from './suggest.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** The container names of the pod, or `undefined` when the pod could not be read (names are then not checked). */
export type KnownContainers = ReadonlyArray<string> | undefined;

/** Reports `name` unless it is one of the pod's containers. */
export function checkContainerName(reader: Reader, field: Field, name: string, known: KnownContainers): boolean {
  if (known === undefined || known.includes(name)) return true;
  const list = known.length === 0 ? 'the pod has none' : `the pod has ${known.join(', ')}`;
  reader.report(field, `no container named ${quote(name)}${didYouMean(name, known)}; ${list}`);
  return false;
}

/** A point such as `pod.gone` or `init1.started#2` whose container exists. */
export function readPoint(reader: Reader, field: Field, known: KnownContainers): PointRef | undefined {
  const text = reader.string(field);
  if (text === undefined) return undefined;
  const parsed = parsePointRef(text);
  if (parsed.status === 'error') {
    reader.report(field, parsed.message);
    return undefined;
  }
  const ref = parsed.ref;
  if (ref.scope === 'container' && !checkContainerName(reader, field, ref.container, known)) return undefined;
  return ref;
}

/** A list of points, each checked. */
export function readPoints(reader: Reader, field: Field, known: KnownContainers): ReadonlyArray<PointRef> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const refs = items.map((item) => readPoint(reader, item, known));
  return refs.every((ref) => ref !== undefined) ? refs : undefined;
}
