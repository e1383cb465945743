/**
 * Fuzzing in Node: at least 10,000 generated blocks per run through the block parser and through
 * every registered kind's parse. Neither ever throws; a kind returns options or a problem; every problem
 * names a line that exists in the block and formats in English and Chinese; nothing reaches Object.prototype.
 */
import process from 'node:process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { parseBlockSyntax } from '../../src/core/syntax/block-syntax';
import type { Problem } from '../../src/core/result';
import { migrateSettings } from '../../src/core/settings';
import { formatProblem } from '../../src/i18n';
import { lineCount, rawBlock, structuredBlock, valueText } from './arbitraries';
import { fuzzSeed, keysOf } from './seed';
import { propertyRuns } from '../helpers/property-runs';

/** Blocks generated per run in this file (the issue asks for at least 10,000 per CI run). */
const TOTAL = 12_000;
const SYNTAX_RUNS = 3_000;
const perKind = Math.ceil((TOTAL - SYNTAX_RUNS) / BLOCK_KINDS.length);
const seed = fuzzSeed();
let generated = 0;

process.stdout.write(
  `fuzz (node): seed ${seed} (another: FC_SEED=<n>), ${TOTAL} blocks planned over ${BLOCK_KINDS.length} kinds\n`,
);
afterAll(() => void process.stdout.write(`fuzz (node): ${generated} blocks generated and parsed, seed ${seed}\n`));

const settings = fc.record({
  samples: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.constant(undefined)),
  height: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(undefined)),
  xRange: fc.oneof(fc.tuple(fc.double(), fc.double()), fc.constant(undefined)),
  derivative: fc.boolean(),
});

/** A problem is well-formed: a known shape, a line inside the block, and a message in both languages. */
function checkProblem(problem: Problem, source: string): void {
  expect(typeof problem.code).toBe('string');
  expect(problem.line, `${problem.code} without a line`).toBeTypeOf('number');
  expect(problem.line).toBeGreaterThanOrEqual(1);
  expect(problem.line).toBeLessThanOrEqual(lineCount(source));
  for (const lang of ['en', 'zh'] as const) expect(formatProblem(problem, lang).length).toBeGreaterThan(0);
}

const protoBefore = Reflect.ownKeys(Object.prototype).map(String);
const params = (n: number) => ({ seed, numRuns: n, endOnFailure: true });

describe(`fuzzing the parsers (seed ${seed})`, () => {
  it(`parseBlockSyntax never throws and reports lines inside the block (${SYNTAX_RUNS} blocks)`, () => {
    const anyBlock = fc.oneof(
      rawBlock,
      structuredBlock(['functions', 'x', 'samples', 'activations', 'depth', 'title']),
    );
    fc.assert(
      fc.property(anyBlock, fc.constantFrom('functions', 'activations', 'inputs'), (source, bareKey) => {
        generated++;
        const r = parseBlockSyntax(source, bareKey);
        const lines = lineCount(source);
        if (!r.ok) return checkProblem(r.problem, source);
        expect(r.value.lineCount).toBe(lines);
        for (const entry of r.value.list) expect(entry.line >= 1 && entry.line <= lines).toBe(true);
      }),
      params(SYNTAX_RUNS),
    );
  });

  it.each(BLOCK_KINDS.map((k) => [k.language, k] as const))(
    `%s: parse gives options or a problem on an existing line (${perKind} blocks)`,
    (_l, kind) => {
      const keys = keysOf(kind);
      const block = fc.oneof(
        { weight: 4, arbitrary: structuredBlock(keys) },
        { weight: 1, arbitrary: rawBlock },
        { weight: 1, arbitrary: valueText },
      );
      fc.assert(
        fc.property(block, settings, fc.constantFrom<'en' | 'zh'>('en', 'zh'), (source, raw, lang) => {
          generated++;
          const r = kind.parse(source, { settings: migrateSettings(raw), lang });
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) {
            expect(typeof r.value.height).toBe('number');
            for (const w of r.value.warnings ?? []) checkProblem(w, source);
          } else {
            for (const p of r.problems ?? [r.problem]) checkProblem(p, source);
          }
        }),
        params(perKind),
      );
    },
    // A guard against hangs, not a timing: 1,800 generated blocks took 5.5 s on 2 cores while other suites ran.
    60_000,
  );

  it('generated at least 10,000 blocks and left Object.prototype alone', () => {
    expect(generated).toBeGreaterThanOrEqual(propertyRuns(10_000));
    expect(Reflect.ownKeys(Object.prototype).map(String)).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
