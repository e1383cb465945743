/**
 * fast-check with every property capped at FC_MAX_RUNS cases, for mutation testing only
 * (vitest.mutation.config.ts aliases `fast-check` to this file and sets FC_MAX_RUNS). A mutant is run against each
 * covering test, so a property's thousands of cases would be paid once per mutant; the first few dozen find what a
 * one-line mutant breaks. The normal suite (`npm test`) imports fast-check itself and runs every property in full.
 */
import * as real from '../../node_modules/fast-check/lib/fast-check.js';
import { propertyRuns } from '../helpers/property-runs';

export * from '../../node_modules/fast-check/lib/fast-check.js';

/** fc.assert with its runs capped (fast-check's default is 100). */
export const assert: typeof real.assert = ((
  property: Parameters<typeof real.assert>[0],
  params?: { numRuns?: number },
) => real.assert(property, { ...params, numRuns: propertyRuns(params?.numRuns ?? 100) })) as typeof real.assert;

export default { ...real.default, assert };
