/** Where a command writes; commands take this instead of touching process.stdout so they can be tested. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** whether stdout is a terminal */
  readonly isTty: boolean;
  /** the terminal's width, when stderr is one (a progress line is cut to it) */
  readonly columns?: number;
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
  /**
   * bad input: a malformed file or option, a missing path, a `--focus`/`--skip`/`--rules` that names no rule, an
   * unwritable `--report`/`--out`, an unreadable or too new results.json
   */
  badInput: 2,
  /** the backend could not run */
  backendUnavailable: 3,
  /** nothing could be judged (every run unknown, or no expectations): same code as an unusable backend */
  nothingJudged: 3,
  /**
   * podconform itself failed (the model, the differ or a built-in backend threw, or a report could not be
   * rendered): a bug to report
   */
  internalError: 4,
} as const;
