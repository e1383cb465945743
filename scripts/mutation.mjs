// `npm run mutation`: Stryker over the pure code, one folder at a time (each run mutates that folder's own .ts files),
// then the score per folder and every surviving mutant. Results are kept per folder in
// reports/mutation/<folder>.json (Stryker's incremental file, a mutation-testing-report-schema report), so a later
// run re-tests only mutants whose code or covering tests changed.
//
//   npm run mutation                       every folder (long: tens of minutes on two cores)
//   npm run mutation -- src/core/expression    the named folders only
//   npm run mutation -- src/core/engines/zigzag/zigzag.ts   one file, with a result file of its own (for a file
//                                          too costly or crash-prone to share its folder's run); from then on its
//                                          folder's runs leave it out and the folder's score counts its own result
//   npm run mutation -- --files src/core/engines   the named folders one file at a time, files not yet run first:
//                                          each file's result is kept as soon as it finishes, so a folder too costly
//                                          for one sitting is scored over several (a folder with no run of its own
//                                          is scored once every file has one)
//   npm run mutation -- --changed          folders holding .ts files changed against main, and changed files that
//                                          have runs of their own (what CI can afford)
//   npm run mutation -- --report           print the kept results without running anything
//   --check                                exit 1 when src/core or src/blocks scores under the issue's 80 % (CI runs
//                                          `--changed --check`: on main nothing is re-tested, the kept scores are judged)
//   --concurrency=N                        test processes (default 1: the machine is shared)
//   --tests=<glob>[,<glob>…]               run only these test files against the mutants (with one named file: for a
//                                          file whose mutants every slow block test covers). Only fewer tests can
//                                          kill a mutant, so the score is a lower bound; the report says which
//                                          tests ran (the result file records every mutant's covering tests)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { transformSync } from 'esbuild';

const REPORTS = 'reports/mutation';
/** Roots whose folders are mutated; src/chart only through its DOM-free files (CHART_PURE). */
const ROOTS = ['src/core', 'src/blocks'];
/** DOM-free files of src/chart (the rest needs a canvas and runs only in the browser project). */
const CHART_PURE = ['src/chart/chart-config.ts', 'src/chart/fill-within.ts', 'src/chart/straight-runs.ts'];

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const concurrency = option('concurrency') ?? '1';
const tests = option('tests');

/** Every folder under `root` (itself included) that holds .ts files directly. */
function folders(root) {
  const out = [];
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.ts'))) out.push(dir);
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
  };
  walk(root);
  return out;
}

/** One unit of work: a name, the mutate patterns, its result file. */
function unit(name, mutate) {
  return { name, mutate, file: join(REPORTS, `${name.replace(/[/\\]/g, '_')}.json`) };
}

/** Single-file units run so far: their result files are `<path with / as _>.json` (source paths hold no `_`). */
const fileUnits = () =>
  existsSync(REPORTS)
    ? readdirSync(REPORTS, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts.json'))
        .map((e) => e.name.slice(0, -'.json'.length).replace(/_/g, '/'))
        .map((path) => unit(path, [path]))
    : [];
/**
 * Files of folder `dir` with a result of their own (run alone, e.g. one too costly or crash-prone to share a run):
 * the folder's run leaves them out, and its score counts their own results instead.
 */
const ownRunFiles = (dir) =>
  fileUnits()
    .filter((u) => dirname(u.name) === dir)
    .map((u) => u.name);
const folderUnit = (dir) => unit(dir, [`${dir}/*.ts`, ...ownRunFiles(dir).map((f) => `!${f}`)]);
const ALL = [...ROOTS.flatMap(folders).map(folderUnit), unit('src/chart (pure)', CHART_PURE)];

/**
 * Whether `file` holds code that runs: a file of types alone (ast.ts) compiles to nothing, so Stryker finds no mutant
 * in it and refuses to run (no test covers it); such a file needs no result of its own.
 */
const hasCode = (file) => transformSync(readFileSync(file, 'utf8'), { loader: 'ts' }).code.trim() !== '';

/** The .ts files directly in folder `dir` that hold code that runs. */
const filesIn = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => `${dir}/${e.name}`)
    .filter(hasCode);

/** The branch `--changed` compares with: main, else origin/main (a clone may have only the remote's); null if neither. */
function baseRef() {
  for (const ref of ['main', 'origin/main']) {
    const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { stdio: 'ignore' });
    if (r.status === 0) return ref;
  }
  return null;
}

/** The units to run: named folders (or their files, with --files), changed ones, or all. */
function selected() {
  const named = args.filter((a) => !a.startsWith('--'));
  if (named.length && flag('files')) {
    const files = named
      .flatMap((n) => (n.endsWith('.ts') ? [n] : filesIn(n.replace(/\/$/, ''))))
      .map((f) => unit(f, [f]));
    return [...files.filter((u) => !existsSync(u.file)), ...files.filter((u) => existsSync(u.file))];
  }
  if (named.length)
    return [
      ...ALL.filter((u) => named.some((n) => u.name === n.replace(/\/$/, ''))),
      ...named.filter((n) => n.endsWith('.ts')).map((path) => unit(path, [path])),
    ];
  if (flag('changed')) {
    const base = baseRef();
    if (!base) {
      process.stderr.write('mutation: no main branch to compare with (main, origin/main): nothing to re-test\n');
      return [];
    }
    const changed = execFileSync('git', ['diff', '--name-only', base, '--', 'src'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts'));
    if (changed.length === 0)
      process.stderr.write(`mutation: no source file differs from ${base}: nothing to re-test\n`);
    const ownRun = new Set(fileUnits().map((u) => u.name));
    const folderOf = (u) => u.mutate[0].endsWith('/*.ts') && u.mutate[0].slice(0, -'/*.ts'.length);
    return [
      ...ALL.filter((u) =>
        changed.some((f) => (folderOf(u) ? dirname(f) === folderOf(u) && !ownRun.has(f) : u.mutate.includes(f))),
      ),
      ...fileUnits().filter((u) => changed.includes(u.name)),
    ];
  }
  return ALL;
}

/**
 * Node's options for Stryker and its test processes: a 2 GB heap per isolate (the test threads' too). Some mutants
 * turn a bounded loop into one that allocates until the heap is gone (a worker reached 6 GB in src/core/activations):
 * its test process crashes, and Stryker restarts it and tries twice more before it reports a runtime error (in no
 * score). With Node's default limit each of those three crashes took minutes; the limit changes that time only.
 */
function nodeOptions() {
  return [process.env.NODE_OPTIONS, '--max-old-space-size=2048'].filter(Boolean).join(' ');
}

/** Runs Stryker on one unit, its incremental results in the unit's file. */
function run(u) {
  process.stderr.write(`mutation: ${u.name}\n`);
  const r = spawnSync(
    'npx',
    ['stryker', 'run', '--concurrency', concurrency, '--incrementalFile', u.file, '--mutate', u.mutate.join(',')],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: nodeOptions(), ...(tests ? { MUTATION_TESTS: tests } : {}) },
    },
  );
  if (r.status !== 0) process.stderr.write(`mutation: Stryker failed on ${u.name} (exit ${r.status})\n`);
  return r.status === 0;
}

/** One line of the summary on stdout. */
const print = (line = '') => process.stdout.write(`${line}\n`);

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The source a mutant replaces (1-based lines and columns, end exclusive): several mutants often start at one spot. */
function replaced(lines, start, end) {
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...middle, lines[end.line - 1].slice(0, end.column - 1)].join(
    ' ',
  );
}

/** Whitespace folded, cut to 80 characters. */
const oneLine = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 80);

/** Score and survivors of one unit's kept results (null when it never ran), leaving out the files in `except`. */
function summarise(u, except = []) {
  if (!existsSync(u.file)) return null;
  const report = JSON.parse(readFileSync(u.file, 'utf8'));
  let detected = 0;
  let undetected = 0;
  const survivors = [];
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    if (except.includes(file)) continue;
    const lines = source.split('\n');
    for (const m of mutants) {
      if (DETECTED.has(m.status)) detected++;
      else if (UNDETECTED.has(m.status)) {
        undetected++;
        const { start, end } = m.location;
        survivors.push(
          `${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${oneLine(replaced(lines, start, end))}  →  ${oneLine(
            String(m.replacement ?? ''),
          )}`,
        );
      }
    }
  }
  return {
    detected,
    undetected,
    score: detected + undetected ? (100 * detected) / (detected + undetected) : 100,
    survivors,
  };
}

mkdirSync(REPORTS, { recursive: true });
let ok = true;
if (!flag('report')) for (const u of selected()) ok = run(u) && ok;

/** Two summaries as one (a folder scored file by file). */
const merge = (a, b) => {
  const detected = a.detected + b.detected;
  const undetected = a.undetected + b.undetected;
  const score = detected + undetected ? (100 * detected) / (detected + undetected) : 100;
  return { detected, undetected, score, survivors: [...a.survivors, ...b.survivors] };
};

/**
 * A folder's results: its own run's (without the files run on their own) and its files' own runs; with no run of
 * its own, only once every file has one. `fromFiles` counts the files' own runs, which leave the single-file list.
 */
function folderSummary(u) {
  if (!u.mutate[0].endsWith('/*.ts')) return { s: summarise(u), fromFiles: 0 };
  const files = ownRunFiles(u.name);
  const own = summarise(u, files);
  const parts = files.map((f) => summarise(unit(f, [f])));
  if (!own && (files.length === 0 || files.length < filesIn(u.name).length)) return { s: null, fromFiles: 0 };
  return { s: [own, ...parts].filter(Boolean).reduce(merge), fromFiles: parts.length };
}

const rows = ALL.map((u) => ({ u, ...folderSummary(u) }));
const counted = new Set(rows.filter((r) => r.fromFiles).flatMap((r) => ownRunFiles(r.u.name)));
const fileRows = fileUnits()
  .filter((u) => !counted.has(u.name))
  .map((u) => ({ u, s: summarise(u) }));
const totals = new Map();
print('\nMutation score per folder (killed + timed out, of all tested mutants):');
for (const { u, s, fromFiles } of rows) {
  if (!s) {
    print(`  ${u.name.padEnd(28)} not run`);
    continue;
  }
  const how = fromFiles ? `, ${fromFiles} of its files run on their own` : '';
  print(
    `  ${u.name.padEnd(28)} ${s.score.toFixed(1).padStart(5)} %  (${s.detected} killed, ${s.undetected} survived${how})`,
  );
  const root = ROOTS.find((r) => u.name === r || u.name.startsWith(`${r}/`)) ?? u.name;
  const t = totals.get(root) ?? { detected: 0, undetected: 0 };
  t.detected += s.detected;
  t.undetected += s.undetected;
  totals.set(root, t);
}
for (const [root, t] of totals)
  print(
    `  ${`${root} (all)`.padEnd(28)} ${((100 * t.detected) / (t.detected + t.undetected)).toFixed(1).padStart(5)} %  (${t.detected} killed, ${t.undetected} survived)`,
  );
if (fileRows.length) print('Single files (not in the totals above):');
for (const { u, s } of fileRows)
  if (s)
    print(
      `  ${u.name.padEnd(28)} ${s.score.toFixed(1).padStart(5)} %  (${s.detected} killed, ${s.undetected} survived)`,
    );
const survivors = [...rows, ...fileRows].flatMap(({ s }) => s?.survivors ?? []);
print(`\nSurviving mutants (${survivors.length}); the ones judged equivalent are listed in ${REPORTS}/equivalent.md:`);
/** The least score src/core and src/blocks must keep (killed + timed out, of the mutants tested). */
const REQUIRED = 80;
if (!flag('check')) for (const s of survivors) print(`  ${s}`);
else {
  // CI's log keeps the scores and verdicts; the list is one `npm run mutation -- --report` away.
  print('  (listed by npm run mutation -- --report)');
  for (const root of ROOTS) {
    const t = totals.get(root);
    const score = t ? (100 * t.detected) / (t.detected + t.undetected) : 0;
    const verdict = score >= REQUIRED ? 'ok  ' : 'FAIL';
    print(`${verdict} mutation score of ${root} ≥ ${REQUIRED} %: ${t ? `${score.toFixed(1)} %` : 'not run'}`);
    if (score < REQUIRED) ok = false;
  }
}
process.exitCode = ok ? 0 : 1;
