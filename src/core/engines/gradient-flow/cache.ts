/**
 * Seeded demo networks, kept between slider moves. `gradientFlowData` draws the inputs first and then the
 * layers in order, so a deeper network with the same seed starts with the shallower one: moving the depth
 * slider down reuses a prefix, and moving it up draws the network once at the new depth.
 */
import { gradientFlowData, type GradientFlowShape } from './data';
import type { FlatNetwork } from './network';

/** How many distinct networks (seed × width × batch × init) to keep; a block shows at most a few inits. */
const CAPACITY = 6;
const cache = new Map<string, FlatNetwork>();

/** The first `depth` layers of a network drawn at least that deep (views into its buffers, no copy). */
function prefix(net: FlatNetwork, depth: number): FlatNetwork {
  const width = net.widths[0];
  if (net.widths.length - 1 === depth) return net;
  return {
    widths: net.widths.slice(0, depth + 1),
    batch: net.batch,
    weights: net.weights.subarray(0, depth * width * width),
    biases: net.biases.subarray(0, depth * width),
    inputs: net.inputs,
  };
}

/** The same network `gradientFlowData(seed, shape)` draws, from the cache when possible. */
export function cachedGradientFlowData(seed: number, shape: GradientFlowShape): FlatNetwork {
  const key = `${seed}:${shape.width}:${shape.batch}:${shape.init}`;
  let net = cache.get(key);
  if (!net || net.widths.length - 1 < shape.depth) net = gradientFlowData(seed, shape);
  cache.delete(key);
  cache.set(key, net); // most recently used last
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
  return prefix(net, shape.depth);
}
