/**
 * The progress bar a long `run` or `check` draws on a terminal (stderr): a pure function of the figures, so the
 * line is tested as text, and a drawer that redraws it at most ten times a second and clears it at the end.
 */
import type { CliIo } from './io.ts';

/** What the bar shows. */
export interface ProgressFigures {
  /** `cases`, `scenarios`: what is counted */
  readonly what: string;
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly unknown: number;
  readonly elapsedMs: number;
}

const barWidth = 12;

/** The figures of a list of statuses judged so far (cases, rerun entries), out of `total`, since `startedMs`. */
export function figuresOf(
  what: string,
  statuses: ReadonlyArray<string>,
  total: number,
  startedMs: number,
): ProgressFigures {
  return {
    what,
    done: statuses.length,
    total,
    failed: statuses.filter((s) => s === 'fail').length,
    unknown: statuses.filter((s) => s === 'unknown').length,
    elapsedMs: performance.now() - startedMs,
  };
}

/** `0:11`, `12:05`, `1:02:03`. */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** `[#######-----] 412/1000 scenarios  38.2/s  0 failed  3 unknown  0:11 elapsed, ~0:15 left` */
export function progressBar(f: ProgressFigures): string {
  const fraction = f.total > 0 ? Math.min(1, f.done / f.total) : 0;
  const filled = Math.floor(fraction * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const perSecond = f.elapsedMs > 0 ? (f.done * 1000) / f.elapsedMs : 0;
  // Time left from the rate so far; nothing done yet gives no rate to go by.
  const left = perSecond > 0 ? `~${clockTime(((f.total - f.done) / perSecond) * 1000)}` : '~?';
  return (
    `${bar} ${f.done}/${f.total} ${f.what}  ${perSecond.toFixed(1)}/s  ${f.failed} failed  ${f.unknown} unknown  ` +
    `${clockTime(f.elapsedMs)} elapsed, ${left} left`
  );
}

/**
 * Redraws one status line on a terminal, at most every `intervalMs`, cut to the terminal's width (a wrapped line
 * cannot be redrawn in place); `clear` removes it. `show` also redraws the line every second on its own, so the
 * elapsed time moves while a real pod takes its time.
 */
export class ProgressDrawer {
  private lastDrawn = -Infinity;
  private drawn = false;
  private render: (() => string) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: {
      readonly intervalMs?: number;
      readonly columns?: number;
      readonly now?: () => number;
      readonly tickMs?: number;
    } = {},
  ) {}

  /** Draws `line` unless the last draw was under `intervalMs` ago (`force`: draw anyway, e.g. a phase change). */
  draw(line: string, force = false): void {
    const t = (this.options.now ?? performance.now.bind(performance))();
    if (!force && t - this.lastDrawn < (this.options.intervalMs ?? 100)) return;
    this.lastDrawn = t;
    this.drawn = true;
    const columns = this.options.columns;
    this.write(`\r\x1b[K${columns === undefined || columns < 2 ? line : line.slice(0, columns - 1)}`);
  }

  /** Draws what `render` gives now, and again every `tickMs` (default 1 s) until `clear`. */
  show(render: () => string, force = false): void {
    this.render = render;
    this.draw(render(), force);
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      if (this.render !== undefined) this.draw(this.render());
    }, this.options.tickMs ?? 1000);
    // A progress line must never keep the process alive.
    this.timer.unref();
  }

  /** Clears the line, if one was drawn, and stops redrawing it, so what follows starts on a clean line. */
  clear(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.render = undefined;
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
    // Whatever is shown next is drawn at once: the line it replaces is gone.
    this.lastDrawn = -Infinity;
  }
}

/**
 * A drawer on `io`'s stderr when a progress bar belongs there: both streams terminals (a bar redrawn into a file or
 * a pipe is noise), and no `--json`.
 */
export function progressDrawer(io: CliIo, json: boolean): ProgressDrawer | undefined {
  return io.isTty && io.errIsTty === true && !json
    ? new ProgressDrawer(io.err, io.columns === undefined ? {} : { columns: io.columns })
    : undefined;
}
