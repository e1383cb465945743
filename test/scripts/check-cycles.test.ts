/** scripts/check-cycles.mjs on made-up trees: a circle (type-only included) fails and is named; none passes. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/check-cycles.mjs', import.meta.url));
const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** Writes `files` (path → text) under a fresh folder and runs the check there. */
function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  trees.push(root);
  for (const [path, text] of Object.entries({ 'main.ts': '', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('check-cycles', () => {
  it('passes a tree that imports one way', () => {
    const r = check({
      'src/a.ts': "import { b } from './b';\n",
      'src/b.ts': "import { c } from './lib';\n",
      'src/lib/index.ts': '',
    });
    expect(r).toMatchObject({ status: 0 });
    expect(r.out).toContain('no import circles among 4 modules');
  });

  it('fails on a circle through a folder index and a type-only import, naming its files', () => {
    const r = check({
      'src/a.ts': "import { b } from './lib';\n",
      'src/lib/index.ts': "export { c } from './c';\n",
      'src/lib/c.ts': "import type { A } from '../a';\n",
      'src/other.ts': "import { a } from './a';\n",
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain('import circle among: src/a.ts, src/lib/c.ts, src/lib/index.ts');
    expect(r.out).not.toContain('other.ts');
  });
});
