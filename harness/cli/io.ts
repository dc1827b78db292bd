/** Where a command writes; commands take this instead of touching process.stdout so they can be tested. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** whether stdout is a terminal (live progress lines only then) */
  readonly isTty: boolean;
  /** whether stderr is a terminal (progress written there redraws one line only then); absent: not */
  readonly errIsTty?: boolean;
  /** the whole of standard input, for `-` as a file name; absent: the command has no standard input */
  readonly readStdin?: () => Promise<string>;
}

/** Exit codes every command shares (README "Exit codes"). */
export const exitCodes = {
  /** every case or property passed */
  ok: 0,
  /** a case or property failed: the implementation broke a rule */
  failed: 1,
  /** bad input: a malformed file or option, a missing path, a `--rules` that names no rule */
  badInput: 2,
  /** the backend could not run */
  backendUnavailable: 3,
  /** nothing could be judged (every run unknown, or no expectations): same code as an unusable backend */
  nothingJudged: 3,
  /** podconform itself failed (the model, the differ or a built-in backend threw): a bug to report */
  internalError: 4,
} as const;
