/** Every code-block kind the plugin registers. A new kind is one file plus one line here. */
import { activationBlock } from './activation';
import type { AnyBlockKind } from './block-kind';
import { deadReluBlock } from './dead-relu';
import { gradientFlowBlock } from './gradient-flow';
import { nonlinearityBlock } from './nonlinearity';
import { zeroCenteredBlock } from './zero-centered';

/** The kinds, in the order the README documents them. */
export const BLOCK_KINDS: readonly AnyBlockKind[] = [activationBlock, nonlinearityBlock, gradientFlowBlock, deadReluBlock, zeroCenteredBlock];
