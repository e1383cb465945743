/**
 * The registry of code-block kinds. A new kind is its own file (a BlockKind declaring language, schema and insert
 * command), one line here, and its strings in src/i18n; the code-block processor and the insert command follow.
 */
import { activationBlock } from './activation';
import type { AnyBlockKind } from './block-kind';
import { deadReluBlock } from './dead-relu';
import { gradientFlowBlock } from './gradient-flow';
import { nonlinearityBlock } from './nonlinearity';
import { zeroCenteredBlock } from './zero-centered';

/** The kinds, in the order the README documents them. */
export const BLOCK_KINDS: readonly AnyBlockKind[] = [
  activationBlock,
  nonlinearityBlock,
  gradientFlowBlock,
  deadReluBlock,
  zeroCenteredBlock,
];
