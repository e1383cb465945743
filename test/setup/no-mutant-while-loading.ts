/**
 * Mutation runs only (vitest.mutation.config.ts): no mutant is active while a test file and its imports load.
 *
 * Stryker's setup file activates the run's mutant in a `beforeAll`, i.e. after the test file has loaded, and never
 * clears it; a module first loaded by a later file (or, in the kept worker of test/setup/warm-pool.ts, by the next
 * run) would run its top-level code under a mutant that was never meant to reach it. Top-level code is what
 * `ignoreStatic` leaves out of the score, so it must run unmutated. A static mutant (activated on purpose while
 * loading, only when static mutants are tested) is left alone.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    globalNamespace: string;
    mutantActivation: 'static' | 'runtime';
  }
}

const name = inject('globalNamespace');
const ns = (globalThis as unknown as Record<string, { activeMutant?: string } | undefined>)[name];
if (ns && inject('mutantActivation') !== 'static') ns.activeMutant = undefined;
