// Fails when modules under src/ (and main.ts) import each other in a circle, type-only imports included:
// a circle means two files are one concept split badly, or a layer reaching back up. Run by `npm run lint`.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** The repository, or the folder given as the first argument (the tests check a made-up tree). */
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));

/** Every .ts file under `dir`, repository-relative with forward slashes. */
function tsFiles(dir) {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const files = ['main.ts', ...tsFiles('src')];
const known = new Set(files);
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The file a relative specifier names, or undefined when it is not one of ours. */
function resolve(from, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return [`${base}.ts`, `${base}/index.ts`, base].find((c) => known.has(c));
}

const graph = new Map(
  files.map((f) => {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    const deps = new Set();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolve(f, m[1] ?? m[2]);
      if (target) deps.add(target);
    }
    return [f, [...deps]];
  }),
);

// Tarjan's strongly connected components: every component of more than one file (or a self-import) is a circle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const circles = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v)) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const scc = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    scc.push(w);
  } while (w !== v);
  if (scc.length > 1 || graph.get(v).includes(v)) circles.push(scc.sort());
}
for (const f of files) if (!index.has(f)) visit(f);

if (circles.length > 0) {
  for (const c of circles) console.error(`import circle among: ${c.join(', ')}`);
  process.exit(1);
}
process.stdout.write(`no import circles among ${files.length} modules\n`);
