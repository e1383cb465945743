import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Node-only tests for mutation testing (`npm run mutation`). Stryker's vitest runner drives one project, in Node;
 * the browser project needs the built main.js (which mutants never reach) and Chromium. Left out besides:
 * test/demo.test.ts (builds and serves the demo page) and the untrusted-notes scan of src/, which rightly fails on
 * Stryker's instrumented sources (they contain `new Function`).
 */
const alias = { obsidian: fileURLToPath(new URL('./test/fakes/obsidian.ts', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/demo.test.ts', 'test/security/no-code-from-notes.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // Coverage instrumentation and a shared machine slow the heaviest tests well past the default 5 s.
    testTimeout: 60_000,
  },
});
