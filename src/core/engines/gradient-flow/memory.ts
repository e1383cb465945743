/**
 * The memory a gradient-flow job holds at once, from its sizes alone: the networks it draws (one per
 * initialisation used) and one run's buffers (network.ts), all float64. Blocks are refused past a stated
 * guard on this figure, never for the time they take.
 */

/** The most a block's weights and activations may take: 256 MB (256 × 10⁶ bytes). */
export const MEMORY_GUARD_BYTES = 256e6;

/** The sizes the memory depends on. */
export interface FlowSizes {
  depth: number;
  width: number;
  batch: number;
  /** Distinct initialisations drawn (each its own network). */
  networks: number;
  /** Activations compared (each keeps up to five layers' z for the histograms). */
  activations: number;
}

/** Bytes of a job at these sizes. */
export function gradientFlowBytes({ depth, width, batch, networks, activations }: FlowSizes): number {
  const network = depth * width * width + depth * width + batch * width; // W, b of every layer, and the inputs
  // h and f′(z) of every layer (backprop needs both), z and two gradient buffers, the norm's scratch (a layer's
  // width², which also holds the batch's two Gram matrices whenever it uses them) and ∂b.
  const run = 2 * depth * batch * width + 3 * batch * width + width * width + width;
  const histograms = activations * 5 * batch * width;
  return 8 * (networks * network + run + histograms);
}
