/**
 * Mutation runs only (vitest.mutation.config.ts): Stryker's Vitest setup file, made to work with Vitest 4.1.
 *
 * @stryker-mutator/vitest-runner 9.6.0 copies `stryker-setup.js` into the sandbox as `stryker-setup-<n>.js` and
 * hands results back through `afterAll(({ meta }) => …)`: the per-test coverage after the dry run and each mutant
 * run's hit count. Vitest 4.1 gives suite hooks a context first and the suite second, and rejects a hook that
 * destructures fixtures from its first argument (FixtureAccessError, "The afterAll hook uses fixtures "meta", but
 * has no access to context"). So both hooks failed in every file: Stryker received no coverage, ran every mutant over
 * all related tests with the mutant active while modules loaded (its plan for mutants without coverage), and never
 * saw a hit count, so a mutant that loops forever ran until the timeout instead of stopping at the hit limit.
 * This Vite transform moves the two hooks to the suite argument; nothing in node_modules is edited.
 */
import type { Plugin } from 'vite';

const SETUP = /[\\/]stryker-setup-\d+\.js$/;
const HOOK = 'afterAll(({ meta }) =>';

/** The plugin that rewrites Stryker's setup file as Vite serves it. */
export const strykerHooks: Plugin = {
  name: 'activation-lab:stryker-hooks',
  enforce: 'pre',
  transform(code, id) {
    if (!SETUP.test(id)) return null;
    if (!code.includes(HOOK)) throw new Error(`stryker-hooks: ${id} no longer has "${HOOK}"; check the runner's setup`);
    return { code: code.split(HOOK).join('afterAll(({}, { meta }) =>'), map: null };
  },
};
