// Mutation testing (`npm run mutation`, scripts/mutation.mjs): Stryker over the pure code, one folder per run, with
// incremental results kept in reports/mutation/ so a later run re-tests only mutants whose code or tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // Two cores shared by several people: one test process (scripts/mutation.mjs --concurrency=N overrides).
  concurrency: 1,
  incremental: true,
  reporters: ['clear-text', 'progress-append-only'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // A mutant that loops forever costs this plus twice the dry run's net time, then a restart of the test process.
  timeoutMS: 10000,
  timeoutFactor: 2,
  ignoreStatic: true,
  // A dry run counts coverage per test at every mutated spot; folders whose code runs in hot loops (src/core/numeric,
  // the engines) take longer than Stryker's default 5 minutes on a shared 2-core machine.
  dryRunTimeoutMinutes: 30,
};
