/**
 * One block's life without a screen: parse → init → view, then control changes and slices of background work.
 * Pure (no DOM, no Obsidian), so a whole interaction can be played in Node; the chart shell drives it and draws
 * its views, the glue renders its problems.
 */
import { ok, type Result } from '../core/result';
import type { AnyBlockKind, BlockEnv, BlockView, CommonOptions } from './block-kind';
import { BlockJobs, type JobListener } from './block-jobs';
import type { RunJob } from './jobs/job';

/** A parsed block and its interactive state; the view is recomputed at most once per change. */
export class BlockSession {
  private state: unknown;
  private current: BlockView | null = null;
  /** Long work through a runner (once attached); meanwhile the view is the last finished one. */
  private jobs: BlockJobs | null = null;
  private shown: BlockView | null = null;

  private constructor(
    readonly kind: AnyBlockKind,
    readonly options: CommonOptions,
    readonly env: BlockEnv,
  ) {
    this.state = kind.init(options, env);
  }

  /** Parses `source` as `kind` and starts a session, or returns every problem of the block. */
  static open(kind: AnyBlockKind, source: string, env: BlockEnv): Result<BlockSession> {
    const parsed = kind.parse(source, env);
    if (!parsed.ok) return parsed;
    return ok(new BlockSession(kind, parsed.value, env));
  }

  /** The view of the current state; with a runner attached, the last finished view while a job runs. */
  get view(): BlockView {
    if (this.current) return this.current;
    // Waiting implies a placeholder: BlockJobs only starts jobs for kinds that declare one.
    if (this.jobs?.waiting) return (this.shown ??= this.kind.placeholder!(this.state, this.env));
    this.current = this.shown = this.kind.view(this.state, this.env);
    return this.current;
  }

  /** From now on long jobs run through `run`, and `listener` hears of them (the shell on screen). */
  attach(run: RunJob, listener: JobListener): void {
    this.jobs = new BlockJobs(this.kind, run, listener);
    this.reconcile();
  }

  /** Stops the job in flight, for good (unload). */
  detach(): void {
    this.jobs?.stop();
    this.jobs = null;
  }

  /** The reader cancelled the job in flight. */
  cancelJob(): void {
    this.jobs?.cancel();
  }

  /** The reader asked to compute the cancelled job after all. */
  resumeJob(): void {
    this.jobs?.resume(this.state, this.deliver);
  }

  private readonly deliver = (result: unknown): void => {
    if (!this.kind.received) return;
    this.state = this.kind.received(this.state, result);
    this.current = null;
    this.reconcile(); // the next job the new state needs (the rest of a batch), if any
  };

  /** Starts or stops the job the new state needs, before anything can land on it. */
  private reconcile(): void {
    this.jobs?.reconcile(this.state, this.deliver);
  }

  /** Whether the kind defers work to `step` (e.g. the rest of a batch of seeds); with a runner, jobs do it. */
  get hasBackground(): boolean {
    return this.kind.background !== undefined && this.jobs === null;
  }

  /** A control moved: the slider or select value (ignored for buttons). */
  control(id: string, value: number | string): void {
    this.state = this.kind.control(this.state, id, value);
    this.current = null;
    this.reconcile();
  }

  /** The texts of the block's `formulas` links arrived or changed (null: not found). */
  linked(texts: readonly (string | null)[]): void {
    if (!this.kind.linked) return;
    this.state = this.kind.linked(this.state, texts, this.env);
    this.current = null;
    this.reconcile();
  }

  /** Runs one slice of deferred work; false when none is left (the view is then unchanged). */
  step(): boolean {
    const next = this.kind.background?.(this.state);
    if (next === null || next === undefined) return false;
    this.state = next;
    this.current = null;
    this.reconcile();
    return true;
  }
}
