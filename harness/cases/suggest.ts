/** "Did you mean" for misspelled keys and names. */

/** The known word closest to `word`, if it is close enough to be a likely misspelling. */
export function closest(word: string, known: ReadonlyArray<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // About a third of the word catches typos without proposing unrelated keys.
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean 'x'?)` or nothing. */
export function didYouMean(word: string, known: ReadonlyArray<string>): string {
  const guess = closest(word, known);
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}

function editDistance(a: string, b: string): number {
  // Long garbage keys are never typos; skip the quadratic work.
  if (Math.abs(a.length - b.length) > 8 || a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? Number.POSITIVE_INFINITY;
}
