// Finds a Chromium for everything that drives a browser (the demo, the browser tests, the bench, the budgets), in
// one order: $CHROMIUM_PATH → a Chrome or Chromium installed at the usual places → the headless Chromium shipped
// inside the npm package @sparticuz/chromium (a devDependency: Linux only, unpacked once into node_modules/.cache,
// no download and no root needed). When nothing works, the error lists what was tried and how to fix it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Flags for a headless Chromium on a closed network (no sandbox: CI runs as root; no GPU; nothing phones home). */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]);

/** The usual install places of Chrome and Chromium, per platform. */
function systemCandidates() {
  const env = process.env;
  if (process.platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Google Chrome Canary'].map(
      (app) => `/Applications/${app}.app/Contents/MacOS/${app}`,
    );
  }
  if (process.platform === 'win32') {
    const bases = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return bases.flatMap((base) => [
      join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(base, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/**
 * Unpacks @sparticuz/chromium's binary into node_modules/.cache once (the package itself unpacks into the shared
 * system temp folder, where another project's different version may already sit), atomically: a half-unpacked
 * folder is never taken for a browser. Returns the binary's path, or throws why not.
 */
async function npmChromium() {
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Error(`ships Linux x64/arm64 binaries only (this is ${process.platform} ${process.arch})`);
  }
  const manifest = join(root, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!existsSync(manifest)) throw new Error('not installed (run npm ci)');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const cache = join(root, 'node_modules', '.cache', 'activation-lab', `chromium-${version}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  const partial = `${cache}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const { default: chromium } = await import('@sparticuz/chromium');
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = partial; // the package unpacks into os.tmpdir(), which reads TMPDIR on each call
  try {
    await chromium.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  try {
    renameSync(partial, cache);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true }); // another process finished first: use its copy
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/**
 * The Chromium to launch: `{ path, from }` where `from` says which rule found it. Throws an Error whose message
 * lists every place tried and how to fix it.
 */
export async function findChromium() {
  const tried = [];
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (existsSync(env)) return { path: env, from: 'CHROMIUM_PATH' };
    throw new Error(
      `CHROMIUM_PATH=${env} does not exist. Point it at a Chrome or Chromium binary, or unset it to use the one npm ci installs.`,
    );
  }
  for (const path of systemCandidates()) {
    if (existsSync(path)) return { path, from: 'installed browser' };
    tried.push(`${path}: not there`);
  }
  try {
    return { path: await npmChromium(), from: '@sparticuz/chromium (npm)' };
  } catch (error) {
    tried.push(`@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
  }
  throw new Error(
    [
      'No Chromium found. Tried:',
      ...tried.map((t) => `  - ${t}`),
      'Fix: run `npm ci` (on Linux it brings a headless Chromium), install Chrome or Chromium, or set CHROMIUM_PATH to its binary.',
    ].join('\n'),
  );
}

/**
 * Launches the Chromium `findChromium` picks through playwright-core, with CHROMIUM_ARGS plus `extraArgs`.
 * A browser that is found but cannot start fails with which one it was and the first lines of why, not a stack.
 * @param {string[]} [extraArgs]
 */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright-core');
  const found = await findChromium();
  try {
    return await chromium.launch({ executablePath: found.path, args: [...CHROMIUM_ARGS, ...extraArgs] });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join('\n  ');
    throw new Error(
      `Chromium at ${found.path} (from ${found.from}) could not start:\n  ${why}\n` +
        'Fix: set CHROMIUM_PATH to another Chrome or Chromium binary.',
    );
  }
}
