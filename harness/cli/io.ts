/** Where a command writes; commands take this instead of touching process.stdout so they can be tested. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** whether stdout is a terminal (live progress lines only then) */
  readonly isTty: boolean;
}

/** Exit codes every command shares (README "Exit codes"). */
export const exitCodes = {
  ok: 0,
  failed: 1,
  badInput: 2,
  backendUnavailable: 3,
} as const;
