/**
 * The kubelet's reason cache (pkg/kubelet/reason_cache.go): the last start error of each container,
 * updated only from the start results of the last runtime sync; it feeds waiting reasons (§8.1).
 */

/** A start error as the status shows it. */
export interface StartError {
  readonly reason: string;
  readonly message: string;
}

/** Last start error per container index. */
export class ReasonCache {
  private readonly errors: Array<StartError | undefined>;

  constructor(size: number) {
    this.errors = new Array<StartError | undefined>(size).fill(undefined);
  }

  get(index: number): StartError | undefined {
    return this.errors[index];
  }

  /** Records one start result: an error replaces the entry, a success clears it. */
  update(index: number, error: StartError | undefined): void {
    this.errors[index] = error;
  }
}
