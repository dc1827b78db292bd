/**
 * A typed walk over a parsed YAML document that records every problem with its line and dotted
 * field path instead of stopping at the first one.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { CaseProblem } from './case-file.ts';
import { describeValue, oneLine, quote } from './describe-value.ts';
import { parseDuration } from './duration.ts';
import { closest, didYouMean } from './suggest.ts';

/** One value in the document: where it is (line, dotted path) and its node, aliases already followed. */
export interface Field {
  readonly path: string;
  readonly line: number;
  /** `undefined` for a key that is absent */
  readonly node: Node | null | undefined;
}

/** The keys of one mapping, each with its field; `require` reports a missing key at the mapping's line. */
export class Entries {
  constructor(
    private readonly reader: Reader,
    readonly parent: Field,
    readonly fields: ReadonlyMap<string, Field>,
    /** the line of each key, where a problem with the key itself is reported */
    readonly keyLines: ReadonlyMap<string, number>,
    /** known keys that an unknown key was reported as a likely misspelling of */
    readonly suggested: ReadonlySet<string> = new Set(),
    /** keys reported as unknown */
    readonly unknown: ReadonlyArray<string> = [],
  ) {}

  get(key: string): Field | undefined {
    return this.fields.get(key);
  }

  has(key: string): boolean {
    return this.fields.has(key);
  }

  require(key: string): Field | undefined {
    const field = this.fields.get(key);
    // A misspelling of this key was already reported; a second "missing" line would be noise.
    if (field === undefined && !this.suggested.has(key)) {
      this.reader.report(this.reader.child(this.parent, key, undefined), 'missing (required)');
    }
    return field;
  }
}

// Each alias costs one unit; a document that expands past this is a "billion laughs", not a case.
const aliasBudget = 1000;

/** Reads values of one document; every check that fails adds a problem and returns `undefined`. */
export class Reader {
  readonly problems: CaseProblem[] = [];
  private aliasesLeft = aliasBudget;

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** The document's top-level value. */
  root(): Field {
    const node = this.doc.contents;
    return { path: '', line: this.lineOf(node, 1), node: this.deref(node, '', 1) };
  }

  report(at: Pick<Field, 'path' | 'line'>, message: string): void {
    // Keys and values from the input can hold line breaks; a problem must still print as one line.
    const field = at.path === '' ? '(document)' : oneLine(at.path);
    this.problems.push({ file: this.file, line: at.line, field, message: oneLine(message) });
  }

  /** The field of a key or index below `parent`; `node === undefined` describes an absent key. */
  child(parent: Field, key: string | number, node: Node | null | undefined, keyNode?: unknown): Field {
    const path =
      typeof key === 'number' ? `${parent.path}[${key}]` : parent.path === '' ? key : `${parent.path}.${key}`;
    const line = this.lineOf(node, this.lineOf(keyNode, parent.line));
    return { path, line, node: this.deref(node, path, line) };
  }

  /** A mapping whose keys must be among `allowed` (each unknown key is reported with a suggestion). */
  mapping(field: Field, allowed: ReadonlyArray<string>): Entries | undefined {
    const entries = this.entries(field);
    if (entries === undefined) return undefined;
    const kept = new Map<string, Field>();
    const suggested = new Set<string>();
    const unknown: string[] = [];
    for (const [key, value] of entries.fields) {
      if (allowed.includes(key)) {
        kept.set(key, value);
        continue;
      }
      unknown.push(key);
      const guess = closest(key, allowed);
      if (guess !== undefined) suggested.add(guess);
      const hint = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
      this.report(
        { path: value.path, line: entries.keyLines.get(key) ?? value.line },
        `unknown key ${quote(key)}${hint}`,
      );
    }
    return new Entries(this, field, kept, entries.keyLines, suggested, unknown);
  }

  /** A mapping with free keys (container names, condition types), in written order. */
  entries(field: Field): Entries | undefined {
    const node = field.node;
    if (!isMap(node)) {
      this.expected(field, 'a mapping');
      return undefined;
    }
    const fields = new Map<string, Field>();
    const keyLines = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = this.deref(pair.key as Node | null, field.path, field.line);
      const keyLine = this.lineOf(pair.key, field.line);
      if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === 'object')) {
        this.report({ path: field.path, line: keyLine }, 'keys must be plain names');
        continue;
      }
      const key = String(keyNode.value);
      const value = pair.value as Node | null;
      fields.set(key, this.child(field, key, value ?? null, pair.key));
      keyLines.set(key, keyLine);
    }
    return new Entries(this, field, fields, keyLines);
  }

  list(field: Field): ReadonlyArray<Field> | undefined {
    const node = field.node;
    if (!isSeq(node)) {
      this.expected(field, 'a list');
      return undefined;
    }
    return node.items.map((item, index) => this.child(field, index, item as Node | null));
  }

  /** The plain value of a scalar (string, number, boolean or null), or `undefined` after a problem. */
  scalar(field: Field, what: string): string | number | boolean | null | undefined {
    const node = field.node;
    if (!isScalar(node)) {
      this.expected(field, what);
      return undefined;
    }
    const value: unknown = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return value;
    }
    // The core schema makes nothing else; a custom tag's value is treated as no value.
    return typeof value === 'bigint' ? Number(value) : null;
  }

  string(field: Field): string | undefined {
    const value = this.scalar(field, 'a string');
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.expected(field, 'a string');
      return;
    }
    return value;
  }

  /** A string from `allowed`, reported with a suggestion otherwise. */
  oneOf<T extends string>(field: Field, allowed: ReadonlyArray<T>): T | undefined {
    const value = this.scalar(field, `one of ${allowed.join(', ')}`);
    if (value === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) {
      const text = describeValue(value);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      const only = allowed.length === 1 ? allowed[0] : undefined;
      this.report(
        field,
        only === undefined ? `${text} is not one of ${allowed.join(', ')}${hint}` : `${text} must be ${only}`,
      );
    }
    return found;
  }

  boolean(field: Field): boolean | undefined {
    const value = this.scalar(field, 'true or false');
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.expected(field, 'true or false');
      return;
    }
    return value;
  }

  /** A whole number within `[min, max]`. */
  integer(field: Field, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.scalar(field, 'a whole number');
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.expected(field, 'a whole number');
      return;
    }
    if (value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
      this.report(field, `${value} is out of range: must be ${range}`);
      return undefined;
    }
    return value === 0 ? 0 : value;
  }

  /** A duration in seconds (`1.5s`, `300ms`, `2m`, or a number of seconds). */
  duration(field: Field): number | undefined {
    const node = field.node;
    if (!isScalar(node)) {
      this.expected(field, 'a duration');
      return;
    }
    const parsed = parseDuration(node.value);
    if (parsed.status === 'error') {
      this.report(field, parsed.message);
      return undefined;
    }
    return parsed.seconds;
  }

  /** A list of strings. */
  strings(field: Field): ReadonlyArray<string> | undefined {
    const items = this.list(field);
    if (items === undefined) return undefined;
    const values = items.map((item) => this.string(item));
    return values.every((value) => value !== undefined) ? values : undefined;
  }

  /** The value as plain data, for Kubernetes fields kept untouched. */
  data(field: Field): unknown {
    return this.toData(field.node, field, []);
  }

  private toData(node: Node | null | undefined, at: Field, ancestors: ReadonlyArray<Node>): unknown {
    const resolved = this.deref(node, at.path, at.line);
    if (resolved === null || resolved === undefined) return null;
    if (ancestors.includes(resolved)) {
      this.report(at, 'an alias refers to a value that contains it');
      return null;
    }
    const inside = [...ancestors, resolved];
    if (isScalar(resolved)) {
      const value: unknown = resolved.value;
      return typeof value === 'bigint' ? Number(value) : value;
    }
    if (isSeq(resolved)) return resolved.items.map((item) => this.toData(item as Node | null, at, inside));
    if (isMap(resolved)) {
      const result: Record<string, unknown> = {};
      for (const pair of resolved.items) {
        const key = this.toData(pair.key as Node | null, at, inside);
        // A `__proto__` key must become an own property, not change the object's prototype.
        Object.defineProperty(result, typeof key === 'string' ? key : JSON.stringify(key), {
          value: this.toData(pair.value as Node | null, at, inside),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    return null;
  }

  private expected(field: Field, what: string): void {
    const node = field.node;
    // Described from the node itself: expanding aliases here could report the same value twice.
    const found = isMap(node)
      ? 'a mapping'
      : isSeq(node)
        ? 'a list'
        : describeValue(isScalar(node) ? node.value : null);
    this.report(field, `expected ${what}, found ${found}`);
  }

  private deref(node: Node | null | undefined, path: string, line: number): Node | null | undefined {
    let current = node;
    while (isAlias(current)) {
      this.aliasesLeft -= 1;
      if (this.aliasesLeft < 0) {
        if (this.aliasesLeft === -1) this.report({ path, line }, `more than ${aliasBudget} aliases to expand`);
        return null;
      }
      const source = current.source;
      current = current.resolve(this.doc);
      if (current === undefined) {
        this.report({ path, line }, `the alias *${source} names no anchor`);
        return null;
      }
    }
    return current;
  }

  private lineOf(node: unknown, fallback: number): number {
    const range = (node as { range?: unknown } | null | undefined)?.range;
    if (Array.isArray(range) && typeof range[0] === 'number') return Math.max(1, this.lines.linePos(range[0]).line);
    return Math.max(1, fallback);
  }
}
