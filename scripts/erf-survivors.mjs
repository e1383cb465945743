// Surviving mutants of erf.ts, measured against the original: each survivor in a mutation result file is applied,
// and erf and erfc are evaluated at every interval end (± 3 ulps, both signs), at 20 000 points of [−30, 30] and at
// NaN, ±∞ and ±1e−300; the largest difference is printed in ulps of the original's value. Evidence for
// reports/mutation/equivalent.md, not a test.
//   node scripts/erf-survivors.mjs reports/mutation/src_core_numeric_erf.ts.json
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { transformSync } from 'esbuild';

const SOURCE = 'src/core/numeric/erf.ts';
const source = readFileSync(SOURCE, 'utf8');
const result = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const survivors = result.files[SOURCE].mutants.filter((m) => m.status === 'Survived');

/** Character offset of a Stryker location (1-based line and column). */
const lineStarts = [0];
for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
const offset = ({ line, column }) => lineStarts[line - 1] + column - 1;

const dir = mkdtempSync(join(tmpdir(), 'erf-survivors-'));
const require = createRequire(import.meta.url);
/** The module `code` (TypeScript), compiled and loaded by Node. */
function load(code, name) {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, transformSync(code, { loader: 'ts', format: 'cjs' }).code);
  return require(file);
}

/** x moved k ulps away from 0 (toward 0 for negative k). */
function ulpsAway(x, k) {
  const bits = new BigInt64Array(new Float64Array([Math.abs(x)]).buffer);
  bits[0] += BigInt(k);
  return Math.sign(x || 1) * new Float64Array(bits.buffer)[0];
}
const ulp = (v) => (v === 0 ? Number.MIN_VALUE : ulpsAway(Math.abs(v), 1) - Math.abs(v));

const ENDS = [0, 2 ** -56, 2 ** -28, 0.25, 0.84375, 1.25, 1 / 0.35, 6, 28];
const points = [NaN, Infinity, -Infinity, 1e-300, -1e-300];
for (const end of ENDS) for (const sign of [1, -1]) for (let k = -3; k <= 3; k++) points.push(ulpsAway(sign * end, k));
for (let i = 0; i < 20000; i++) points.push(-30 + (60 * i) / 19999);

const original = load(source, 'original');
for (const [i, m] of survivors.entries()) {
  const mutated = load(
    source.slice(0, offset(m.location.start)) + m.replacement + source.slice(offset(m.location.end)),
    `mutant-${i}`,
  );
  let worst = 0;
  let where = '';
  for (const x of points)
    for (const fn of ['erf', 'erfc']) {
      const [a, b] = [original[fn](x), mutated[fn](x)];
      if (Object.is(a, b)) continue;
      const d = Number.isNaN(a) || Number.isNaN(b) ? Infinity : Math.abs(a - b) / ulp(a);
      if (d > worst) [worst, where] = [d, `${fn}(${x})`];
    }
  const { line, column } = m.location.start;
  const verdict = worst ? `${worst} ulp at ${where}` : 'identical at every point';
  process.stdout.write(`${line}:${column} → ${m.replacement}: ${verdict}\n`);
}
rmSync(dir, { recursive: true });
