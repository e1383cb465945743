/**
 * One block's jobs, latest wins. A short job in flight runs to its end while the newest request waits (a slider
 * drag then costs the main thread nothing per move but the request kept); its result, now stale, is dropped and
 * the waiting request starts. A long job is cancelled at once. A superseded request never starts, and a stale
 * result never reaches the block.
 */
import { FINISH_MS, type Job, type JobHandle, type RunJob } from './job';

/** A request: the job and where its result, progress and error go. */
interface Request {
  job: Job;
  deliver: (result: unknown) => void;
  onProgress: (fraction: number) => void;
  onError: (error: unknown) => void;
}

/** A block's lane of jobs over a runner. */
export class JobLane {
  private current: { job: Job; handle: JobHandle } | null = null;
  private waiting: Request | null = null;
  private generation = 0;

  constructor(private readonly run: RunJob) {}

  /** Requests `job`, superseding any earlier request; `deliver` gets its result only if none newer came since. */
  start(
    job: Job,
    deliver: (result: unknown) => void,
    onProgress: (fraction: number) => void,
    onError: (error: unknown) => void,
  ): void {
    const request = { job, deliver, onProgress, onError };
    if (this.current && this.current.job.expectedMs <= FINISH_MS) {
      this.generation++; // what the job in flight delivers is stale now
      this.waiting = request;
      return;
    }
    this.cancel();
    this.launch(request);
  }

  /** Whether a job is in flight or waiting. */
  get busy(): boolean {
    return this.current !== null || this.waiting !== null;
  }

  /** Cancels the job in flight and the waiting request, if any; nothing of them reaches the block afterwards. */
  cancel(): void {
    this.generation++;
    this.current?.handle.cancel();
    this.current = null;
    this.waiting = null;
  }

  private launch({ job, deliver, onProgress, onError }: Request): void {
    const generation = this.generation;
    const live = (): boolean => generation === this.generation;
    const handle = this.run(job, (fraction) => {
      if (live()) onProgress(fraction);
    });
    const current = (this.current = { job, handle });
    handle.result.then(
      (result) => this.settle(current, live() && result !== null ? () => deliver(result) : null),
      (error: unknown) => this.settle(current, live() ? () => onError(error) : null),
    );
  }

  /** The job in flight settled: the waiting request starts, else the block hears of it (`report`, when live). */
  private settle(from: JobLane['current'], report: (() => void) | null): void {
    if (this.current !== from) return; // cancelled
    this.current = null;
    const next = this.waiting;
    this.waiting = null;
    if (next) this.launch(next);
    else report?.();
  }
}
