// `npm run release-check`: what Obsidian's community directory and its release scan look at, checked before a tag.
// - manifest.json follows the directory's rules, and package.json and versions.json agree with it;
// - two clean builds from the sources, in two different folders, give the same main.js byte for byte (the release
//   scan rebuilds from source and compares);
// - main.js stays within its size budget;
// - eslint-plugin-obsidianmd's recommended config applies to every shipped source file with no rule turned off.
// Prints one line per check and exits non-zero if any fails.
import { execFileSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import obsidianmd from 'eslint-plugin-obsidianmd';
import { MAIN_JS_BUDGET_KB } from './size-budget.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const readJson = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

const results = [];
/** Records one check. @param {string} name @param {string[]} problems */
function check(name, problems) {
  results.push(problems.length === 0);
  process.stdout.write(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}\n`);
  for (const p of problems) process.stdout.write(`     ${p}\n`);
}

function manifestRules() {
  const manifest = readJson('manifest.json');
  const pkg = readJson('package.json');
  const versions = readJson('versions.json');
  const problems = [];
  for (const key of ['id', 'name', 'version', 'minAppVersion', 'description', 'author', 'isDesktopOnly']) {
    if (manifest[key] === undefined) problems.push(`manifest.json has no "${key}"`);
  }
  const { id = '', name = '', description = '', version = '', minAppVersion = '' } = manifest;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    problems.push(`id "${id}" must be lower-case letters, digits and single dashes`);
  if (/obsidian/i.test(id)) problems.push(`id "${id}" must not contain "obsidian"`);
  if (/obsidian/i.test(name)) problems.push(`name "${name}" must not contain "Obsidian"`);
  if (description.length > 250) problems.push(`description is ${description.length} characters; at most 250`);
  if (!description.endsWith('.')) problems.push('description must end with a period');
  if (/obsidian|^this plugin/i.test(description))
    problems.push('description should not mention Obsidian or start with "This plugin"');
  if (!/^\d+\.\d+\.\d+$/.test(version))
    problems.push(`version "${version}" must be x.y.z (the release tag, without "v")`);
  if (pkg.version !== version) problems.push(`package.json version ${pkg.version} ≠ manifest.json version ${version}`);
  if (versions[version] !== minAppVersion) {
    problems.push(
      `versions.json["${version}"] is ${JSON.stringify(versions[version])}; manifest.json's minAppVersion is "${minAppVersion}"`,
    );
  }
  if (!existsSync(join(root, 'LICENSE'))) problems.push('no LICENSE file');
  else if (pkg.license && !readFileSync(join(root, 'LICENSE'), 'utf8').includes(`${pkg.license} License`)) {
    problems.push(`LICENSE is not the ${pkg.license} licence package.json names`);
  }
  check(
    `manifest.json: id "${id}", version ${version}, minAppVersion ${minAppVersion}, description ${description.length}/250 characters`,
    problems,
  );
}

/** The sources a release build reads, copied into a fresh folder (node_modules linked), built there; main.js bytes. */
function cleanBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'activation-lab-release-'));
  try {
    for (const entry of [
      'main.ts',
      'src',
      'package.json',
      'tsconfig.json',
      'esbuild.config.mjs',
      // All of scripts/: the build's plugins live there and import each other (a list of files went stale twice).
      'scripts',
      'manifest.json',
      'styles.css',
    ]) {
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(join(dir, 'main.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function reproducibleBuild() {
  const first = cleanBuild();
  const second = cleanBuild();
  const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const same = Buffer.compare(first, second) === 0;
  check(
    `two clean builds in different folders are byte-identical (sha256 ${hash(first)}${same ? '' : ` vs ${hash(second)}`})`,
    same ? [] : ['the builds differ: something in the bundle depends on the folder or the moment of the build'],
  );
  const kb = first.length / 1000;
  check(
    `main.js ${kb.toFixed(1)} kB within the ${MAIN_JS_BUDGET_KB} kB budget`,
    kb <= MAIN_JS_BUDGET_KB ? [] : [`${(kb - MAIN_JS_BUDGET_KB).toFixed(1)} kB over`],
  );
}

/** Every .ts file Obsidian runs: main.ts and src/. */
function shippedSources(dir = join(root, 'src'), out = [join(root, 'main.ts')]) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) shippedSources(full, out);
    else if (full.endsWith('.ts')) out.push(full);
  }
  return out;
}

const severity = (value) => {
  const level = Array.isArray(value) ? value[0] : value;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
};

async function obsidianLint() {
  // What the recommended config alone turns on for each file (it scopes some rules to package.json and the like),
  // against what our eslint.config.mjs turns on for the same file.
  const parserOptions = { projectService: true, tsconfigRootDir: root };
  const reference = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...obsidianmd.configs.recommended, { languageOptions: { parserOptions } }],
  });
  const eslint = new ESLint({ cwd: root });
  const problems = [];
  const files = shippedSources();
  let ruleCount = 0;
  for (const file of files) {
    const wanted = Object.entries((await reference.calculateConfigForFile(file)).rules ?? {}).filter(
      ([, v]) => severity(v) > 0,
    );
    ruleCount = Math.max(ruleCount, wanted.length);
    const ours = (await eslint.calculateConfigForFile(file)).rules ?? {};
    for (const [rule, value] of wanted) {
      if (severity(ours[rule]) < severity(value))
        problems.push(`${file.slice(root.length + 1)}: ${rule} is weakened or off`);
    }
    if (/eslint-disable/.test(readFileSync(file, 'utf8')))
      problems.push(`${file.slice(root.length + 1)}: has an eslint-disable comment`);
  }
  const results = await eslint.lintFiles(files);
  const errors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
  if (errors > 0) problems.push(`${errors} lint problems in the shipped sources (run npm run lint)`);
  check(
    `eslint-plugin-obsidianmd recommended: ${ruleCount} rules${problems.length ? '' : ' on, none off,'} over ${files.length} shipped files`,
    problems.slice(0, 20),
  );
}

manifestRules();
reproducibleBuild();
await obsidianLint();
const failed = results.filter((ok) => !ok).length;
process.stdout.write(`== release-check: ${results.length - failed} of ${results.length} checks pass\n`);
process.exitCode = failed === 0 ? 0 : 1;
