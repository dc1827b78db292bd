/** Expected values as written: plain, `{anyOf: [...]}`, or for numbers also `{min, max}` (FORMAT.md "Expectations"). */
import { isMap } from 'yaml';
import type { NumberMatcher, ValueMatcher } from '../../specs/vocabulary/index.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** Reads one plain value of a matcher, reporting what is wrong with it. */
export type PlainReader<T> = (field: Field) => T | undefined;

/** A value that may be written plain or as `{anyOf: [...]}`. */
export function readValueMatcher<T>(reader: Reader, field: Field, plain: PlainReader<T>): ValueMatcher<T> | undefined {
  if (!isMap(field.node)) {
    const value = plain(field);
    return value === undefined ? undefined : { type: 'equals', value };
  }
  const entries = reader.mapping(field, ['anyOf']);
  const anyOf = entries?.require('anyOf');
  return anyOf === undefined ? undefined : readAnyOf(reader, anyOf, plain);
}

/** A number that may also be written `{anyOf: [...]}` or `{min, max}` (either bound may be left out). */
export function readNumberMatcher(reader: Reader, field: Field, plain: PlainReader<number>): NumberMatcher | undefined {
  if (!isMap(field.node)) {
    const value = plain(field);
    return value === undefined ? undefined : { type: 'equals', value };
  }
  const entries = reader.mapping(field, ['anyOf', 'min', 'max']);
  if (entries === undefined) return undefined;
  const anyOf = entries.get('anyOf');
  if (anyOf !== undefined) {
    if (entries.has('min') || entries.has('max')) {
      reader.report(field, 'write either {anyOf: [...]} or {min, max}, not both');
      return undefined;
    }
    return readAnyOf(reader, anyOf, plain);
  }
  const minField = entries.get('min');
  const maxField = entries.get('max');
  if (minField === undefined && maxField === undefined) {
    reader.report(field, 'a range needs min, max or both');
    return undefined;
  }
  const min = minField === undefined ? undefined : plain(minField);
  const max = maxField === undefined ? undefined : plain(maxField);
  if ((minField !== undefined && min === undefined) || (maxField !== undefined && max === undefined)) return undefined;
  if (min !== undefined && max !== undefined && min > max) {
    reader.report(field, `min ${min} is greater than max ${max}`);
    return undefined;
  }
  return { type: 'range', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function readAnyOf<T>(reader: Reader, field: Field, plain: PlainReader<T>): ValueMatcher<T> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  if (items.length === 0) {
    reader.report(field, 'anyOf needs at least one value');
    return undefined;
  }
  const values = items.map(plain);
  return values.every((value) => value !== undefined) ? { type: 'anyOf', values: values } : undefined;
}
