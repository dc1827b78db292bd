/**
 * Why a known implementation breaks a rule, with the source that says so: the report's "why" column. Only what a
 * document or the implementation's source explains is written here; a rule with no entry is reported as unexplained.
 */
interface Explanation {
  /** rule ids or globs ending in `*` */
  readonly rules: ReadonlyArray<string>;
  readonly why: string;
}

const podman: ReadonlyArray<Explanation> = [];

const byBackend: Readonly<Record<string, ReadonlyArray<Explanation>>> = { podman };

/** The explanation of `rule` for `backend`, or a plain "not explained yet". */
export function explain(backend: string, rule: string): string {
  const hit = (byBackend[backend] ?? []).find((e) =>
    e.rules.some((r) => (r.endsWith('*') ? rule.startsWith(r.slice(0, -1)) : r === rule)),
  );
  return hit?.why ?? 'not explained yet';
}
