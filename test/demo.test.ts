/**
 * `npm run demo` end to end: the demo script renders the example vault through the built main.js in
 * Chromium and writes its screenshots (here into a temporary folder, so the committed ones stay put).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'activation-lab-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Newest modification time under the sources the bundle is built from. */
function newestSource(dir = join(root, 'src')): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (t, e) => Math.max(t, e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
    0,
  );
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('npm run demo', () => {
  it('renders every example note through the built plugin and writes non-trivial screenshots', () => {
    // `npm run demo` builds first; here, build only when main.js is older than the sources (CI built it already).
    const mainJs = join(root, 'main.js');
    const sources = Math.max(
      newestSource(),
      statSync(join(root, 'main.ts')).mtimeMs,
      statSync(join(root, 'styles.css')).mtimeMs,
    );
    if (!existsSync(mainJs) || statSync(mainJs).mtimeMs < sources)
      execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: root, stdio: 'pipe' });
    const run = spawnSync(process.execPath, ['scripts/demo.mjs', '--once', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/ok {3}激活函数\.md \(light, zh\): (\d+)\/\1 charts drawn/);
    expect(run.stdout).toMatch(/ok {3}激活函数\.md \(light, zh, command check-formulas\)/);
    expect(readdirSync(out).sort()).toEqual([
      'activation-functions-dark-en.png',
      'activation-functions.png',
      'algebra.png',
      'formula-check.png',
      'neural-network.png',
    ]);
    for (const name of ['activation-functions.png', 'activation-functions-dark-en.png']) {
      const file = join(out, name);
      expect(statSync(file).size).toBeGreaterThan(300_000);
      const { width, height } = pngSize(file);
      expect(width).toBe(1800);
      expect(height).toBeGreaterThan(6000);
    }
    expect(pngSize(join(out, 'algebra.png')).width).toBe(1800);
    // The command's modal alone: 640 CSS px wide at devicePixelRatio 2, the seed note's seven findings tall.
    const list = pngSize(join(out, 'formula-check.png'));
    expect(list.width).toBe(1280);
    expect(list.height).toBeGreaterThan(600);
  }, 120_000);
});
