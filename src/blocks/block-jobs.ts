/**
 * A session's long work, off the view's path: the job a state needs runs through a lane (latest wins) while the
 * last finished view stays on screen; the result becomes the state's, and the view is recomputed from it.
 */
import type { AnyBlockKind } from './block-kind';
import { jobResult } from './jobs';
import { INLINE_MS, PROGRESS_MS, type Job, type RunJob } from './jobs/job';
import { JobLane } from './jobs/lane';

/** What the shell hears about a session's jobs. */
export interface JobListener {
  /** The job in flight and its progress (null: none in flight); `bar` when it is expected to take long. */
  progress(state: { fraction: number; bar: boolean } | null): void;
  /** A result arrived: the session's view changed. */
  changed(): void;
  /** The job failed (a bug, or the worker died): nothing new to draw. */
  failed(error: unknown): void;
}

/** The jobs of one session (a BlockSession owns one once a runner is attached). */
export class BlockJobs {
  private readonly lane: JobLane;
  private running: string | null = null;
  private cancelled: string | null = null;
  /** The job in flight (or cancelled) is one the view waits for, not background work. */
  private foreground = false;
  /** What the listener shows: nothing (null), a job without a bar (false), or a bar (true). */
  private shown: boolean | null = null;

  constructor(
    private readonly kind: AnyBlockKind,
    run: RunJob,
    private readonly listener: JobListener,
  ) {
    this.lane = new JobLane(run);
  }

  /**
   * Starts the job `state` needs when it is long and not already running (superseding the one in flight), or
   * stops the one in flight when the state needs none. A short job the view waits for is computed here and
   * delivered at once (background jobs always go to the runner, so a batch of short ones never blocks).
   */
  reconcile(state: unknown, deliver: (result: unknown) => void): void {
    const job = this.kind.placeholder ? (this.kind.job?.(state) ?? null) : null;
    if (!job || (job.expectedMs <= INLINE_MS && !job.background)) {
      this.stop();
      this.cancelled = null;
      if (job) deliver(jobResult(job));
      return;
    }
    const key = JSON.stringify(job);
    if (key === this.running || key === this.cancelled) return;
    this.cancelled = null;
    this.begin(job, key, deliver);
  }

  /** Whether the view waits for a job (in flight, or cancelled by the reader); never for background work. */
  get waiting(): boolean {
    return this.foreground && (this.running !== null || this.cancelled !== null);
  }

  /** The reader cancelled: the job stops, and is not started again until the state needs another. */
  cancel(): void {
    if (this.running === null) return;
    this.cancelled = this.running;
    this.stop();
  }

  /** The reader asked to compute the cancelled job after all. */
  resume(state: unknown, deliver: (result: unknown) => void): void {
    this.cancelled = null;
    this.reconcile(state, deliver);
  }

  /** Stops everything (unload). */
  stop(): void {
    if (this.running === null) return;
    this.running = null;
    this.lane.cancel();
    this.report(null);
  }

  /** Tells the listener, except that a short job superseding another changes nothing on screen (each move of a drag). */
  private report(p: { fraction: number; bar: boolean } | null): void {
    if (p && !p.bar && this.shown === false) return;
    this.shown = p && p.bar;
    this.listener.progress(p);
  }

  private begin(job: Job, key: string, deliver: (result: unknown) => void): void {
    this.running = key;
    this.foreground = !job.background;
    const bar = job.expectedMs > PROGRESS_MS;
    this.lane.start(
      job,
      (result) => {
        this.running = null;
        this.report(null);
        deliver(result);
        this.listener.changed();
      },
      (fraction) => this.report({ fraction, bar }),
      (error) => {
        this.running = null;
        this.report(null);
        this.listener.failed(error);
      },
    );
    this.report({ fraction: 0, bar });
  }
}
