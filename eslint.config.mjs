// Obsidian's official lint (eslint-plugin-obsidianmd, which includes ESLint's and typescript-eslint's
// recommended type-checked rules) over the plugin; the same rules, minus Obsidian-runtime ones, over tests.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

/** Files allowed to use the main window's `window`/`document` directly: plugin-wide code only, never per-block code. Keep it short. */
const MAIN_WINDOW_ONLY = [];

/** A no-restricted-imports rule for one layer: `files` may not import any of `patterns` (gitignore-style globs). */
function layer(files, why, patterns) {
  return {
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }] },
  };
}

/** Obsidian's rules that may not be disabled inline, plus the layer rule: a layer is crossed by design, not by comment. */
const noRestrictedDisable = [
  ...obsidianmd.configs.recommended
    .map((c) => c.rules?.['eslint-comments/no-restricted-disable'])
    .filter(Boolean)
    .at(-1),
  'no-restricted-imports',
];

/** Code that never runs inside Obsidian: test fakes, benches, build scripts. */
const outsideObsidian = ['test/**', 'bench/**', 'scripts/**', '*.config.ts', '*.mjs'];

export default defineConfig([
  globalIgnores([
    'main.js',
    'node_modules/**',
    'examples/vault/.obsidian/**',
    'out/**',
    'coverage/**',
    '.stryker-tmp/**',
  ]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // No code from notes: these can run or inject note text as code/HTML (notes are untrusted: they come from anyone).
    files: ['main.ts', 'src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { property: 'outerHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { object: 'document', property: 'write', message: 'Never write markup from note text.' },
        {
          object: 'Number',
          property: 'isFinite',
          message:
            'Use the global isFinite: TypeScript lets it take numbers only, so it never coerces, and it is 7 bytes less in main.js each time (checked against a typeof where a value may not be a number).',
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'eslint-comments/no-restricted-disable': noRestrictedDisable,
    },
  },
  // Layers: imports flow one way, main.ts → obsidian → chart → blocks → core (api, i18n and jobs beside blocks).
  // Each rule lists what a layer may not import; scripts/check-cycles.mjs forbids circles inside a layer, and
  // scripts/tsconfig.core.json type-checks core without the DOM.
  layer('src/core/**', 'core is pure: no Obsidian, Chart.js, DOM or upper layer', [
    'obsidian',
    'chart.js',
    'chart.js/*',
    '**/blocks',
    '**/blocks/*',
    '**/chart/*',
    '**/obsidian/*',
    '**/i18n',
    '**/i18n/*',
    '**/api',
    '**/api/*',
    '**/main',
  ]),
  layer('src/blocks/**', 'blocks produce view models from core: no Obsidian, Chart.js or chart adapter', [
    'obsidian',
    'chart.js',
    'chart.js/*',
    '**/chart/*',
    '**/obsidian/*',
    '**/api',
    '**/api/*',
    '**/main',
  ]),
  layer('src/chart/**', 'the chart adapter draws view models: no Obsidian', [
    'obsidian',
    '**/obsidian/*',
    '**/api',
    '**/api/*',
    '**/main',
  ]),
  layer('src/jobs/**', "the job runner (worker, slices) runs blocks' jobs: no Obsidian, Chart.js or chart adapter", [
    'obsidian',
    'chart.js',
    'chart.js/*',
    '**/chart/*',
    '**/obsidian/*',
    '**/api',
    '**/api/*',
    '**/main',
  ]),
  layer('src/i18n/**', 'string tables sit under blocks: no Obsidian, Chart.js, blocks or chart', [
    'obsidian',
    'chart.js',
    'chart.js/*',
    '**/blocks',
    '**/blocks/*',
    '**/chart/*',
    '**/obsidian/*',
    '**/api',
    '**/api/*',
  ]),
  layer('src/api/**', 'the public API computes, it does not draw: no Obsidian, Chart.js or chart adapter', [
    'obsidian',
    'chart.js',
    'chart.js/*',
    '**/chart/*',
    '**/obsidian/*',
    '**/main',
  ]),
  {
    // Popouts: a block may sit in another window, with its own document, constructors, timers and pixel ratio.
    // Per-block code reaches them through its element (`el.win`, `el.doc`, ownWindow(el)) or `activeWindow`.
    files: ['main.ts', 'src/**/*.ts'],
    ignores: MAIN_WINDOW_ONLY,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type='Identifier'][object.name=/^(window|document)$/]",
          message: 'Use el.win / el.doc (the block may be in a popout window).',
        },
        {
          selector:
            "CallExpression[callee.type='Identifier'][callee.name=/^(getComputedStyle|requestAnimationFrame|cancelAnimationFrame|matchMedia)$/]",
          message: 'Call it on el.win (the block may be in a popout window).',
        },
        {
          selector:
            "NewExpression[callee.type='Identifier'][callee.name=/^(ResizeObserver|IntersectionObserver|MutationObserver)$/]",
          message: "Use ownWindow(el)'s constructor (observers of the main window miss a popout's layout).",
        },
      ],
    },
  },
  {
    files: outsideObsidian,
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-active-doc': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/no-static-styles-assignment': 'off',
      'obsidianmd/prefer-instanceof': 'off',
      'obsidianmd/ui/sentence-case': 'off',
      'obsidianmd/no-forbidden-elements': 'off',
      'import/no-nodejs-modules': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    // Build and test configs run in Node (not in Obsidian), so they see Node's globals.
    files: ['*.mjs', '*.config.ts', 'test/browser/support/commands.ts'],
    languageOptions: { globals: { process: 'readonly', __dirname: 'readonly' } },
  },
  {
    // The build installs into the example vault, whose config folder is `.obsidian` as committed (no Vault here).
    files: ['esbuild.config.mjs', 'eslint.config.mjs'],
    rules: { 'obsidianmd/hardcoded-config-path': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // The fake Vault imitates Obsidian's default configDir, and tests assert the `.obsidian/plugins/<id>/data.json` it writes.
      'obsidianmd/hardcoded-config-path': 'off',
      // The fake Vault implements delete() and its tests exercise it; trashFile is a FileManager concern for plugin code.
      'obsidianmd/prefer-file-manager-trash-file': 'off',
      // Fakes and their tests handle TFile/TFolder themselves; the cast advice is for plugin code reading the vault.
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      // Dummy plugins in tests are stand-ins for the fake host, not shipped plugins: no settings search, no lifecycle leak.
      'obsidianmd/settings-tab/prefer-setting-definitions': 'off',
      'obsidianmd/no-plugin-as-component': 'off',
      // Tests check they run in real Chromium (navigator.userAgent), not which platform a plugin is on.
      'obsidianmd/platform': 'off',
    },
  },
  {
    // The one place that evaluates our own production main.js exactly as Obsidian's plugin loader does (new
    // Function), for the browser tests and the demo; no-new-func sits inside rule-custom-message, which
    // eslint-comments/no-restricted-disable forbids disabling inline, so it is off for this file, no-console kept on.
    files: ['test/fakes/plugin-bundle.ts'],
    rules: {
      'obsidianmd/rule-custom-message': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // A positive control: a constant innerHTML payload proves the XSS detector works; no-inner-html may not be disabled inline.
    files: ['test/browser/fake-markdown.test.ts'],
    rules: { '@microsoft/sdl/no-inner-html': 'off' },
  },
]);
