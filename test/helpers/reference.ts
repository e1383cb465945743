/**
 * Reads the tests' ground truth, kept in the repository under `test/fixtures/` (see its README for provenance):
 * `reference/*.json` computed by PyTorch, `obsidian-cache/` captured from real Obsidian, `vault/` the seed notes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of `test/fixtures/`. */
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const cache = new Map<string, unknown>();

/** Parses `test/fixtures/reference/<file>` (`.json` may be omitted); cached, so treat the result as read-only. */
export function readReference<T = unknown>(file: string): T {
  const name = /\.[a-z]+$/i.test(file) ? file : `${file}.json`;
  const path = join(FIXTURES, 'reference', name);
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
