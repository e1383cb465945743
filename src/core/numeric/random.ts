/**
 * Seeded pseudo-random numbers for the demos: the same seed gives the same stream on every machine.
 *
 * Algorithm, stated exactly so it can be reimplemented elsewhere:
 * 1. Seeding — splitmix32: `s` is the seed as a uint32 (`seed >>> 0`, so −1 ≡ 2^32 − 1); each call does
 *    `s += 0x9e3779b9; z = s; z = imul(z ^ z>>>16, 0x85ebca6b); z = imul(z ^ z>>>13, 0xc2b2ae35);
 *    return (z ^ z>>>16) >>> 0`. Four calls give the sfc32 state a, b, c, d in that order.
 * 2. Generator — sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand):
 *    `t = a + b + d; d += 1; a = b ^ b>>>9; b = c + (c<<3); c = rotl(c, 21) + t; return t`,
 *    all arithmetic mod 2^32. The first 12 outputs are discarded, as PractRand's own seeding does.
 * 3. Doubles — `next()` takes two outputs x then y and returns
 *    `((x>>>5) * 2^26 + (y>>>6)) / 2^53`: every multiple of 2^-53 in [0, 1), uniformly.
 * 4. Normals — Box–Muller with the second value cached: a `normal()` call with nothing cached
 *    takes two doubles u1, u2, sets r = sqrt(-2 ln(1 - u1)), θ = 2π·u2, returns
 *    `mean + std * r cos θ` and keeps `r sin θ`; the next `normal()` call returns
 *    `mean' + std' * r sin θ` without drawing. `uniform()` calls in between do not clear it.
 *    Using both halves halves the cost of the 10⁵ normals a gradient-flow redraw needs.
 *
 * The integer stream is bit-exact everywhere; normals depend on Math.log/sqrt/cos/sin, which
 * engines may round differently in the last ulp, so they are reproducible to ~1e-16 relative.
 */

/** A deterministic stream of random numbers. */
export interface Random {
  /** The integer seed this stream started from. */
  readonly seed: number;
  /** Next raw 32-bit output of sfc32, as an unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Normal draw with the given mean and standard deviation (Box–Muller, second value cached). */
  normal(mean?: number, std?: number): number;
  /** out[from..to) = successive uniform(a, b) draws; the same numbers as calling uniform in a loop. */
  fillUniform(out: Float64Array, from: number, to: number, a: number, b: number): void;
  /** out[from..to) = successive normal(mean, std) draws; the same numbers as calling normal in a loop. */
  fillNormal(out: Float64Array, from: number, to: number, mean: number, std: number): void;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_PI = 2 * Math.PI;

/** The splitmix32 sequence used to seed sfc32; exported so tests can pin it. */
export function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32 state in class fields (int32), which V8 keeps unboxed: demos draw ~10⁵ numbers per slider move. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The sin half of the last Box–Muller pair, valid while hasSpare. */
  private spare = 0;
  private hasSpare = false;

  constructor(readonly seed: number) {
    const mix = splitmix32(seed);
    this.a = mix() | 0;
    this.b = mix() | 0;
    this.c = mix() | 0;
    this.d = mix() | 0;
    // Discard 12 outputs so nearby seeds have diverged before the first use.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  normal(mean = 0, std = 1): number {
    return mean + std * this.standardNormal();
  }

  fillUniform(out: Float64Array, from: number, to: number, a: number, b: number): void {
    const w = b - a;
    for (let k = from; k < to; k++) out[k] = a + w * this.next();
  }

  fillNormal(out: Float64Array, from: number, to: number, mean: number, std: number): void {
    for (let k = from; k < to; k++) out[k] = mean + std * this.standardNormal();
  }

  /** Box–Muller: u1, u2 give r = √(−2 ln(1 − u1)), θ = 2π·u2; returns r·cos θ now and r·sin θ next time. */
  private standardNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 − u1 lies in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = TWO_PI * this.next();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

/** Creates a seeded stream; the same integer seed always gives the same numbers. */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`createRandom: seed must be an integer, got ${seed}`);
  return new Sfc32(seed);
}
