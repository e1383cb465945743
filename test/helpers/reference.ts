/**
 * Finds the read-only shared data (`shared/reference/*.json`, computed by PyTorch) from tests.
 * Order: $ACTIVATION_LAB_SHARED if set; else the first `shared/` with a `reference/` folder found walking up
 * from the repo root (so `<repo>/../shared`, which is where both a developer's tree and CI's clone find it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = new Map<string, unknown>();

/** The absolute path of the shared folder (the one holding `reference/`); throws with the places tried. */
export function sharedDir(): string {
  const env = process.env.ACTIVATION_LAB_SHARED;
  if (env) {
    if (existsSync(join(env, 'reference'))) return resolve(env);
    throw new Error(`ACTIVATION_LAB_SHARED=${env} has no reference/ folder`);
  }
  const tried: string[] = [];
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared');
    tried.push(candidate);
    if (existsSync(join(candidate, 'reference'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`shared/reference not found; tried ${tried.join(', ')} (or set ACTIVATION_LAB_SHARED)`);
}

/** Parses `shared/reference/<file>` (`.json` may be omitted); cached, so treat the result as read-only. */
export function readReference<T = unknown>(file: string): T {
  const name = /\.[a-z]+$/i.test(file) ? file : `${file}.json`;
  const path = join(sharedDir(), 'reference', name);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

/** Decodes the reference files' number encoding: `null` is NaN, `"Infinity"` / `"-Infinity"` are ±∞. */
export function refNumber(v: number | string | null): number {
  if (v === null) return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (typeof v === 'number') return v;
  throw new Error(`unexpected reference value ${JSON.stringify(v)}`);
}

/** The reference tolerance check `|a − b| <= abs + rel·|b|`, where NaN matches NaN and ∞ only the same ∞. */
export function closeTo(a: number, b: number, abs: number, rel: number): boolean {
  if (Number.isNaN(b)) return Number.isNaN(a);
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= abs + rel * Math.abs(b);
}
