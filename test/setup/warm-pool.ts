/**
 * A Vitest pool for mutation runs (vitest.mutation.config.ts) whose one worker thread outlives each run.
 *
 * Stryker's Vitest runner calls `vitest.start()` once per mutant, and Vitest's pool ends its worker after every run,
 * so each mutant paid for a new thread, Vitest's runtime, chai and fast-check before its first test. Mutants are
 * switched at run time (`globalThis.__stryker__.activeMutant`, set by Stryker's setup file in a `beforeAll`), so one
 * worker can serve them all, provided nothing computed under one mutant reaches the next:
 * - every module of the project (src/ and test/ .ts files) is invalidated at the start of each run, so module-level
 *   caches and lazily built tables are rebuilt under the run's own mutant; only node_modules stay evaluated;
 * - `test/setup/no-mutant-while-loading.ts` clears the active mutant while modules load, so a module's top-level
 *   code never runs under the previous run's mutant;
 * - each run gets the config of its own start (Stryker changes `testNamePattern` per mutant); Vitest sends the
 *   config only with "start", which the kept worker answers without re-running its setup.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers';
import { ThreadsPoolWorker, type PoolOptions, type PoolRunnerInitializer, type PoolWorker } from 'vitest/node';

type Listener = (arg: unknown) => void;
type Message = Parameters<PoolWorker['send']>[0];

/** Every .ts file under the given folders of `root` (the modules a run re-evaluates). */
function projectModules(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) out.push(path);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out;
}

/** The one thread of this process, whether it has run Vitest's setup, and the config of the latest start. */
interface Shared {
  readonly thread: ThreadsPoolWorker;
  readonly modules: readonly string[];
  setUp: boolean;
  config: unknown;
}
let shared: Shared | undefined;

/** The PoolWorker Vitest creates per run: a view of the shared thread that never ends it. */
class WarmWorker implements PoolWorker {
  readonly name = WARM_POOL;
  private readonly listeners: [string, Listener][] = [];

  constructor(private readonly options: PoolOptions) {}

  private get shared(): Shared {
    if (!shared) throw new Error('warm pool: the worker was not started');
    return shared;
  }

  on(event: string, callback: Listener): void {
    this.listeners.push([event, callback]);
    this.shared.thread.on(event, callback);
  }

  off(event: string, callback: Listener): void {
    const i = this.listeners.findIndex(([e, c]) => e === event && c === callback);
    if (i >= 0) this.listeners.splice(i, 1);
    this.shared.thread.off(event, callback);
  }

  /** Answers a message here (as the worker would) instead of sending it. */
  private reply(type: 'started' | 'stopped'): void {
    const response = { type, __vitest_worker_response__: true };
    setImmediate(() => {
      for (const [event, callback] of [...this.listeners]) if (event === 'message') callback(response);
    });
  }

  send(message: Message): void {
    const s = this.shared;
    if (message.type === 'start') {
      s.config = message.context.config;
      if (s.setUp) return this.reply('started');
      s.setUp = true;
    } else if (message.type === 'stop') {
      // The worker's "stop" tears down its environment and stops listening: keep it for the next run.
      return this.reply('stopped');
    } else if (message.type === 'run' || message.type === 'collect') {
      const invalidates = [...(message.context.invalidates ?? []), ...s.modules];
      // The worker runs with `{ ...its start context, ...this context }`: the config here wins over the first start's.
      const context = { ...message.context, invalidates, config: s.config };
      message = { ...message, context };
    }
    s.thread.send(message);
  }

  async start(): Promise<void> {
    if (shared) return;
    const thread = new ThreadsPoolWorker(this.options);
    const root = this.options.project.config.root;
    shared = { thread, modules: projectModules(root, ['src', 'test']), setUp: false, config: undefined };
    await thread.start();
    this.options.project.vitest.onClose(async () => {
      const s = shared;
      shared = undefined;
      await s?.thread.stop();
    });
  }

  /** Detaches this run's listeners; the thread stays for the next run. */
  async stop(): Promise<void> {
    for (const [event, callback] of this.listeners.splice(0)) this.shared.thread.off(event, callback);
  }

  deserialize(data: unknown): unknown {
    return data;
  }
}

/** The pool's name in Vitest's config. */
export const WARM_POOL = 'warm-threads';

/** The pool itself, for `project.config.poolRunner`. */
export const warmPool: PoolRunnerInitializer = {
  name: WARM_POOL,
  createPoolWorker: (options) => new WarmWorker(options),
};
