/**
 * One block's jobs, latest wins: a new job supersedes the one in flight (cancelled, and its result, should it
 * still arrive, dropped), so a stale result never reaches the block.
 */
import type { Job, JobHandle, RunJob } from './job';

/** A block's lane of jobs over a runner. */
export class JobLane {
  private current: JobHandle | null = null;
  private generation = 0;

  constructor(private readonly run: RunJob) {}

  /** Starts `job`, superseding the one in flight; `deliver` gets its result only if no newer job started since. */
  start(
    job: Job,
    deliver: (result: unknown) => void,
    onProgress: (fraction: number) => void,
    onError: (error: unknown) => void,
  ): void {
    this.cancel();
    const generation = this.generation;
    const live = (): boolean => generation === this.generation;
    const handle = this.run(job, (fraction) => {
      if (live()) onProgress(fraction);
    });
    this.current = handle;
    handle.result.then(
      (result) => {
        if (!live() || result === null) return;
        this.current = null;
        deliver(result);
      },
      (error: unknown) => {
        if (!live()) return;
        this.current = null;
        onError(error);
      },
    );
  }

  /** Whether a job is in flight. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** Cancels the job in flight, if any; nothing of it reaches the block afterwards. */
  cancel(): void {
    this.generation++;
    this.current?.cancel();
    this.current = null;
  }
}
