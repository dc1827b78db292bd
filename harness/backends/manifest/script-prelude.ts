/**
 * The functions every generated script starts with — the container's main script, its exec hooks and probes and
 * its HTTP handlers — so that all of them mark, read the clock and wait the same way (PODMAN.md §3).
 */
import { markerFileName, markerMountPath } from './compiled-pod.ts';
import { bareWord } from './shell-words.ts';

/** Where a container keeps the start and TERM times its probes read: beside the marker file, one per container. */
export function stateFile(container: string, which: 'start' | 'term'): string {
  return `$D/${bareWord(container)}.${which}`;
}

/**
 * `m EVENT [DETAIL]` appends `CONTAINER EVENT $EPOCHREALTIME [DETAIL]` to the marker file (one O_APPEND write
 * per line, so lines of several containers interleave whole). `us` sets U to the clock in integer µs: the
 * fraction is read as `1$frac - 1000000` because a fraction with a leading zero (`.012345`) would be octal in
 * `$((...))`. `zz US` sleeps that many µs as `sleep S & wait`, waiting again after a trap that returns, so a
 * trap runs at once (ash runs traps only between commands) and a TERM that is ignored does not cut the sleep.
 */
export function scriptPrelude(container: string): string {
  const name = bareWord(container);
  return [
    `D=${markerMountPath}; F=$D/${markerFileName}`,
    `m(){ echo "${name} $1 $EPOCHREALTIME\${2:+ $2}" >>$F; }`,
    'us(){ t=$EPOCHREALTIME; U=$((${t%.*}*1000000+1${t#*.}-1000000)); }',
    'zz(){ [ "$1" -gt 0 ] || return 0; f=$(($1%1000000+1000000)); sleep $(($1/1000000)).${f#1} & Z=$!; while kill -0 $Z 2>/dev/null; do wait $Z; done; }',
  ].join('\n');
}
