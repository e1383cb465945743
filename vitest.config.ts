import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { builtPlugin, pluginStyles, readVault } from './test/browser/support/commands';

// `obsidian` ships types only; tests run the plugin against the project's fake of it.
const alias = { obsidian: fileURLToPath(new URL('./test/fakes/obsidian.ts', import.meta.url)) };

/** Debian's Chromium, started with the flags this closed network needs (see README → Developing). */
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-precise-memory-info', '--js-flags=--expose-gc',
    ],
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], setupFiles: ['test/setup/fast-check.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }],
            viewport: { width: 900, height: 700 },
            commands: { readVault, builtPlugin, pluginStyles },
          },
          testTimeout: 60_000,
        },
      },
    ],
  },
});
