import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { builtPlugin, pluginStyles, readVault } from './test/browser/support/commands';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

// `obsidian` ships types only; tests run the plugin against the project's fake of it.
const alias = { obsidian: fileURLToPath(new URL('./test/fakes/obsidian.ts', import.meta.url)) };

/**
 * The same Chromium as the demo and the bench (scripts/chromium.mjs). If none is found, the browser project's global
 * setup fails with the resolver's message (what was tried, how to fix it) instead of a Playwright stack.
 */
async function chromium() {
  const found = await findChromium().catch((error: unknown) => error as Error);
  if (found instanceof Error) process.env.ACTIVATION_LAB_NO_CHROMIUM = found.message;
  return playwright({
    launchOptions: {
      executablePath: found instanceof Error ? undefined : found.path,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    },
  });
}

export default defineConfig(async (): Promise<ViteUserConfig> => ({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          setupFiles: ['test/setup/fast-check.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/chromium-found.ts'],
          setupFiles: ['test/setup/webfonts.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: await chromium(),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 900, height: 700 },
            commands: { readVault, builtPlugin, pluginStyles },
          },
          testTimeout: 60_000,
        },
      },
    ],
  },
}));
