/**
 * Seeded demo networks, kept between slider moves. `gradientFlowData` draws the inputs first and then the
 * layers in order, so a deeper network with the same seed starts with the shallower one: moving the depth
 * slider down reuses a prefix, and moving it up draws the network once at the new depth.
 */
import { gradientFlowDataSteps, type GradientFlowShape } from './data';
import { runToEnd, type Steps } from '../steps';
import type { FlatNetwork } from './network';

/** How many distinct networks (seed × width × batch × init) to keep; a block shows at most a few inits. */
const CAPACITY = 6;
/** Beyond the newest network, keep older ones only while all of them take at most this many bytes. */
const CAPACITY_BYTES = 64e6;

const bytesOf = (net: FlatNetwork) => 8 * (net.weights.length + net.biases.length + net.inputs.length);
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
  return runToEnd(cachedGradientFlowDataSteps(seed, shape));
}

/** `cachedGradientFlowData` step by step: drawing a network that is not cached yields after each layer. */
export function* cachedGradientFlowDataSteps(seed: number, shape: GradientFlowShape): Steps<FlatNetwork> {
  const key = `${seed}:${shape.width}:${shape.batch}:${shape.init}`;
  let net = cache.get(key);
  if (!net || net.widths.length - 1 < shape.depth) net = yield* gradientFlowDataSteps(seed, shape);
  cache.delete(key);
  cache.set(key, net); // most recently used last
  let bytes = 0;
  for (const n of cache.values()) bytes += bytesOf(n);
  // Oldest first; the newest stays, however large (the depth slider reuses its prefix).
  for (const [k, n] of cache) {
    if (cache.size <= 1 || (cache.size <= CAPACITY && bytes <= CAPACITY_BYTES)) break;
    cache.delete(k);
    bytes -= bytesOf(n);
  }
  return prefix(net, shape.depth);
}
