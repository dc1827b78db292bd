/**
 * Loads the credential and pull-policy tables (shared/cases/docs/*.yaml and podconform's own copies in
 * test/fixtures/tables/) into typed rows, failing loudly on a row of the wrong shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { PullPolicy } from '../../../specs/vocabulary/scenario.ts';
import { pullPolicies } from '../../../specs/vocabulary/scenario.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where a table lives: the shared copy next to the repository, or podconform's own fixture. */
export const tablePaths = {
  sharedCredentials: resolve(repoRoot, '../shared/cases/docs/credentials.yaml'),
  sharedPullPolicy: resolve(repoRoot, '../shared/cases/docs/pull-policy-defaults.yaml'),
  ownCredentials: resolve(repoRoot, 'test/fixtures/tables/credentials.yaml'),
  ownPullPolicy: resolve(repoRoot, 'test/fixtures/tables/pull-policy-defaults.yaml'),
} as const;

/** A documented or derived credential-matching row. */
export interface CredentialExample {
  readonly pattern: string;
  readonly image: string;
  readonly matches: boolean;
  readonly basis: string;
}

/** A credential-matching row the documents leave open, with what the kubelet does. */
export interface CredentialUndetermined {
  readonly pattern: string;
  readonly image: string;
  readonly why: string;
  readonly kubelet: boolean;
}

/** The credential table; both lists are empty when the file does not exist. */
export interface CredentialTable {
  readonly examples: ReadonlyArray<CredentialExample>;
  readonly undetermined: ReadonlyArray<CredentialUndetermined>;
  /** every row as parsed, for the superset check */
  readonly raw: { readonly examples: ReadonlyArray<unknown>; readonly undetermined: ReadonlyArray<unknown> };
}

/** A pull-policy defaulting row; `explicitPolicy` undefined means the field is omitted (YAML null). */
export interface PullPolicyExample {
  readonly image: string;
  readonly explicitPolicy: PullPolicy | undefined;
  readonly effectivePolicy: PullPolicy;
}

/** A row of the `updates` list: created with one image, then patched to another. */
export interface PullPolicyUpdate {
  readonly createdWith: string;
  readonly explicitPolicy: PullPolicy | undefined;
  readonly policyAtCreation: PullPolicy;
  readonly updatedTo: string;
  readonly effectivePolicyAfterUpdate: PullPolicy;
}

/** A row of the `admission` list. */
export interface PullPolicyAdmissionRow {
  readonly image: string;
  readonly explicitPolicy: PullPolicy | undefined;
  readonly admissionController: 'AlwaysPullImages';
  readonly effectivePolicy: PullPolicy;
}

/** A row the documents leave open, with what the API server's defaulting does. */
export interface PullPolicyUndetermined {
  readonly image: string;
  readonly explicitPolicy: PullPolicy | undefined;
  readonly why: string;
  readonly apiServer: PullPolicy;
}

/** The pull-policy table; every list is empty when the file does not exist. */
export interface PullPolicyTable {
  readonly examples: ReadonlyArray<PullPolicyExample>;
  readonly updates: ReadonlyArray<PullPolicyUpdate>;
  readonly admission: ReadonlyArray<PullPolicyAdmissionRow>;
  readonly undetermined: ReadonlyArray<PullPolicyUndetermined>;
  readonly raw: Readonly<Record<'examples' | 'updates' | 'admission' | 'undetermined', ReadonlyArray<unknown>>>;
}

type Row = Readonly<Record<string, unknown>>;

function readDocument(path: string): Row | undefined {
  if (!existsSync(path)) return undefined;
  const document: unknown = parse(readFileSync(path, 'utf8'));
  if (typeof document !== 'object' || document === null) throw new Error(`${path}: not a YAML mapping`);
  return document as Row;
}

function rows(document: Row | undefined, list: string, path: string): ReadonlyArray<Row> {
  if (document === undefined) return [];
  const value = document[list];
  if (!Array.isArray(value)) throw new Error(`${path}: "${list}" is not a list`);
  return value.map((row: unknown, index) => {
    if (typeof row !== 'object' || row === null) throw new Error(`${path}: ${list}[${index}] is not a mapping`);
    return row as Row;
  });
}

function where(path: string, list: string, row: Row): string {
  return `${path}: ${list} row ${JSON.stringify(row)}`;
}

/** Reads every row of `list` with `read`, which is given the row and where it stands (for error messages). */
function parseRows<T>(
  path: string,
  list: string,
  listRows: ReadonlyArray<Row>,
  read: (row: Row, at: string) => T,
): T[] {
  return listRows.map((row) => read(row, where(path, list, row)));
}

function text(row: Row, field: string, at: string): string {
  const value = row[field];
  if (typeof value !== 'string') throw new Error(`${at}: "${field}" must be a string`);
  return value;
}

function flag(row: Row, field: string, at: string): boolean {
  const value = row[field];
  if (typeof value !== 'boolean') throw new Error(`${at}: "${field}" must be true or false`);
  return value;
}

function policy(row: Row, field: string, at: string): PullPolicy {
  const value = row[field];
  const found = pullPolicies.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`${at}: "${field}" must be one of ${pullPolicies.join(', ')}`);
  return found;
}

function optionalPolicy(row: Row, field: string, at: string): PullPolicy | undefined {
  return row[field] === null ? undefined : policy(row, field, at);
}

/** Reads a credential table (shared or own); a missing file gives an empty table. */
export function loadCredentialTable(path: string): CredentialTable {
  const document = readDocument(path);
  const exampleRows = rows(document, 'examples', path);
  const undeterminedRows = rows(document, 'undetermined', path);
  return {
    examples: parseRows(path, 'examples', exampleRows, (row, at) => ({
      pattern: text(row, 'pattern', at),
      image: text(row, 'image', at),
      matches: flag(row, 'matches', at),
      basis: text(row, 'basis', at),
    })),
    undetermined: parseRows(path, 'undetermined', undeterminedRows, (row, at) => ({
      pattern: text(row, 'pattern', at),
      image: text(row, 'image', at),
      why: text(row, 'why', at),
      kubelet: flag(row, 'kubelet', at),
    })),
    raw: { examples: exampleRows, undetermined: undeterminedRows },
  };
}

/** Reads a pull-policy table (shared or own); a missing file gives an empty table. */
export function loadPullPolicyTable(path: string): PullPolicyTable {
  const document = readDocument(path);
  const examples = rows(document, 'examples', path);
  const updates = rows(document, 'updates', path);
  const admission = rows(document, 'admission', path);
  const undetermined = rows(document, 'undetermined', path);
  return {
    examples: parseRows(path, 'examples', examples, (row, at) => ({
      image: text(row, 'image', at),
      explicitPolicy: optionalPolicy(row, 'explicitPolicy', at),
      effectivePolicy: policy(row, 'effectivePolicy', at),
    })),
    updates: parseRows(path, 'updates', updates, (row, at) => ({
      createdWith: text(row, 'createdWith', at),
      explicitPolicy: optionalPolicy(row, 'explicitPolicy', at),
      policyAtCreation: policy(row, 'policyAtCreation', at),
      updatedTo: text(row, 'updatedTo', at),
      effectivePolicyAfterUpdate: policy(row, 'effectivePolicyAfterUpdate', at),
    })),
    admission: parseRows(path, 'admission', admission, (row, at) => {
      if (row['admissionController'] !== 'AlwaysPullImages') {
        throw new Error(`${at}: "admissionController" must be AlwaysPullImages`);
      }
      return {
        image: text(row, 'image', at),
        explicitPolicy: optionalPolicy(row, 'explicitPolicy', at),
        admissionController: 'AlwaysPullImages',
        effectivePolicy: policy(row, 'effectivePolicy', at),
      };
    }),
    undetermined: parseRows(path, 'undetermined', undetermined, (row, at) => ({
      image: text(row, 'image', at),
      explicitPolicy: optionalPolicy(row, 'explicitPolicy', at),
      why: text(row, 'why', at),
      apiServer: policy(row, 'apiServer', at),
    })),
    raw: { examples, updates, admission, undetermined },
  };
}
