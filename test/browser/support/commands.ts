/**
 * Server-side commands for the browser tests (they run in Vitest's Node process): read a vault folder
 * and hand over the production bundle, built exactly as `npm run build` builds it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserCommand } from 'vitest/node';
import { readVaultDir } from '../../fakes/vault-files';
import { FIXTURES } from '../../helpers/reference';

const repoRoot = resolve(__dirname, '..', '..', '..');

/** The vaults tests may read, by name (no arbitrary paths from the browser). */
const VAULTS: Record<string, () => string> = {
  seed: () => join(FIXTURES, 'vault'),
  examples: () => join(repoRoot, 'examples', 'vault'),
  tricky: () => join(repoRoot, 'test', 'fixtures', 'tricky-vault'),
};

/** `readVault('seed')` → { path: text } of that vault's notes. */
export const readVault: BrowserCommand<[name: string]> = (_ctx, name) => {
  const dir = VAULTS[name];
  if (!dir) throw new Error(`unknown vault ${name}; known: ${Object.keys(VAULTS).join(', ')}`);
  return readVaultDir(dir());
};

/** styles.css as Obsidian would load it next to main.js. */
export const pluginStyles: BrowserCommand<[]> = () => readFileSync(join(repoRoot, 'styles.css'), 'utf8');

let built: string | null = null;

/** The text of main.js from a fresh production build (built once per test run). */
export const builtPlugin: BrowserCommand<[]> = () => {
  if (built === null) {
    execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: repoRoot, stdio: 'pipe' });
    built = readFileSync(join(repoRoot, 'main.js'), 'utf8');
  }
  return built;
};
