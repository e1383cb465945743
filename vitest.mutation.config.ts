import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import CheapFirstSequencer from './test/setup/cheap-first-sequencer';
import { strykerHooks } from './test/setup/stryker-hooks';
import { WARM_POOL, warmPool } from './test/setup/warm-pool';

/**
 * Node-only tests for mutation testing (`npm run mutation`). Stryker's vitest runner drives one project, in Node;
 * the browser project needs the built main.js (which mutants never reach) and Chromium. Left out besides:
 * test/demo.test.ts (builds and serves the demo page) and the untrusted-notes scan of src/, which rightly fails on
 * Stryker's instrumented sources (they contain `new Function`).
 *
 * Stryker's setup file needs test/setup/stryker-hooks.ts under Vitest 4.1: without it no coverage reaches Stryker.
 *
 * Made for many short runs (one per mutant, each loading only the files of the tests that cover it):
 * - `isolate: false`: a run's test files share one module graph instead of re-importing src/ per file (a third of
 *   the time). Each run re-evaluates the project's modules, so nothing carries over from one mutant to the next.
 * - Files run cheapest first, the one that failed last time before all (test/setup/cheap-first-sequencer.ts): a
 *   mutant's run stops at its first failure, so a mutant a unit test kills no longer waits for the slow block tests.
 * - One worker serves every run (test/setup/warm-pool.ts): Stryker starts a run per mutant and Vitest would start
 *   a new worker for each; the kept one re-evaluates the project's modules per run but not Vitest, chai or
 *   fast-check. `MUTATION_POOL=cold` restores Vitest's own pool (for comparisons).
 * - fast-check is capped at a few dozen cases per property (test/setup/fast-check-bounded.ts); the normal suite
 *   runs every property in full.
 */
const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const alias = [
  { find: /^obsidian$/, replacement: root('./test/fakes/obsidian.ts') },
  { find: /^fast-check$/, replacement: root('./test/setup/fast-check-bounded.ts') },
];

/** Replaces the pool Stryker asks for (`threads`) after the config is resolved: its options win over the file's. */
const warm = {
  name: 'activation-lab:warm-pool',
  configureVitest({ project }: { project: { config: { pool: string; poolRunner?: unknown } } }) {
    if (process.env.MUTATION_POOL === 'cold') return;
    project.config.pool = WARM_POOL;
    project.config.poolRunner = warmPool;
  },
};

export default defineConfig({
  plugins: [strykerHooks, warm],
  resolve: { alias },
  test: {
    name: 'node',
    environment: 'node',
    // `npm run mutation -- --tests=<globs>` narrows a costly file's run to the named tests (a lower bound).
    include: process.env.MUTATION_TESTS?.split(',') ?? ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/demo.test.ts', 'test/security/no-code-from-notes.test.ts'],
    setupFiles: ['test/setup/no-mutant-while-loading.ts', 'test/setup/fast-check.ts'],
    isolate: false,
    sequence: { sequencer: CheapFirstSequencer },
    env: { FC_MAX_RUNS: '25' },
    // Coverage instrumentation and a shared machine slow the heaviest tests well past the default 5 s.
    testTimeout: 60_000,
  },
});
