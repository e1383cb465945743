/** What a rendered block needs from the plugin: the app, current settings and language, and a registry of live blocks. */
import type { App } from 'obsidian';
import type { Settings } from '../core/settings';
import type { Lang } from '../i18n';
import type { Job, JobHandle } from '../blocks/jobs/job';

/** Something that can be re-rendered when settings change (or by command, for the blocks of one note). */
export interface Rerenderable {
  /** The note the block is in (`ctx.sourcePath`). */
  readonly sourcePath: string;
  rerender(): void;
}

/** The plugin as blocks see it (kept small so tests can provide it). */
export interface BlockHost {
  app: App;
  settings(): Settings;
  lang(): Lang;
  /** Live blocks add themselves on load and remove themselves on unload. */
  liveBlocks: Set<Rerenderable>;
  /** Runs a block's long work off the main thread (slices on `win`, the block's window, where it must stay on it). */
  runJob?: (job: Job, onProgress: (fraction: number) => void, win: Window) => JobHandle;
}
