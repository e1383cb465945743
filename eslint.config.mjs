// Obsidian's official lint (eslint-plugin-obsidianmd, which includes ESLint's and typescript-eslint's
// recommended type-checked rules) over the plugin; the same rules, minus Obsidian-runtime ones, over tests.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

/** Code that never runs inside Obsidian: test fakes, benches, build scripts. */
const outsideObsidian = ['test/**', 'bench/**', 'scripts/**', '*.config.ts', '*.mjs'];

export default defineConfig([
  globalIgnores(['main.js', 'node_modules/**', 'examples/vault/.obsidian/**', 'out/**', 'coverage/**']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'version-bump.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // No code from notes: these can run or inject note text as code/HTML (issue: untrusted notes).
    files: ['main.ts', 'src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { property: 'outerHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createEl/setText; notes are untrusted.' },
        { object: 'document', property: 'write', message: 'Never write markup from note text.' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
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
]);
