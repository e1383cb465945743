/**
 * One block's life without a screen: parse → init → view, then control changes and slices of background work.
 * Pure (no DOM, no Obsidian), so a whole interaction can be played in Node; the chart shell drives it and draws
 * its views, the glue renders its problems.
 */
import { ok, type Result } from '../core/result';
import type { AnyBlockKind, BlockEnv, BlockView, CommonOptions } from './block-kind';

/** A parsed block and its interactive state; the view is recomputed at most once per change. */
export class BlockSession {
  private state: unknown;
  private current: BlockView | null = null;

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

  /** The view of the current state. */
  get view(): BlockView {
    this.current ??= this.kind.view(this.state, this.env);
    return this.current;
  }

  /** Whether the kind defers work to `step` (e.g. the rest of a batch of seeds). */
  get hasBackground(): boolean {
    return this.kind.background !== undefined;
  }

  /** A control moved: the slider or select value (ignored for buttons). */
  control(id: string, value: number | string): void {
    this.state = this.kind.control(this.state, id, value);
    this.current = null;
  }

  /** The texts of the block's `formulas` links arrived or changed (null: not found). */
  linked(texts: readonly (string | null)[]): void {
    if (!this.kind.linked) return;
    this.state = this.kind.linked(this.state, texts, this.env);
    this.current = null;
  }

  /** Runs one slice of deferred work; false when none is left (the view is then unchanged). */
  step(): boolean {
    const next = this.kind.background?.(this.state);
    if (next === null || next === undefined) return false;
    this.state = next;
    this.current = null;
    return true;
  }
}
