/** `--rules GLOB`: which violations count, by the rule they name (`term.*`, `kubelet.grace.*,init.sequential`). */

/** A matcher for a comma-separated list of globs; `*` matches any run of characters, `?` one character. */
export function ruleMatcher(globs: string): (rule: string) => boolean {
  const patterns = globs
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map(
      (g) =>
        new RegExp(
          `^${g
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        ),
    );
  return (rule) => patterns.some((p) => p.test(rule));
}
