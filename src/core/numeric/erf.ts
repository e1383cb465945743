/**
 * erf and erfc in float64 (JavaScript has no Math.erf), accurate to about 1 ulp.
 *
 * A TypeScript port of the rational approximations of Sun's fdlibm `s_erf.c`
 * (as also used by FreeBSD msun, musl and glibc), with its notice preserved:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely
 *   granted, provided that this notice is preserved.
 *
 * Intervals of |x|: [0, 0.84375) erf = x + x·P/Q(x²); [0.84375, 1.25) erf = c + P1/Q1(|x|−1);
 * [1.25, 1/0.35) and [1/0.35, 28) erfc = exp(−x² − 0.5625 + R/S(1/x²))/x; beyond, erfc underflows.
 * Hex words in the comments are the exact IEEE-754 bit patterns of fdlibm's constants.
 */

const ERX = 8.45062911510467529297e-1; // 0x3FEB0AC1 60000000, (float)0.84506291151
const EFX = 1.28379167095512586316e-1; // 0x3FC06EBA 8214DB69, 2/sqrt(pi) - 1

// erf on [0, 0.84375): numerator in x², then denominator (leading 1 implied).
const PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3,
  -2.37630166566501626084e-5,
]; // 3FC06EBA8214DB68 … BEF8EAD6120016AC
const QQ = [
  3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4,
  -3.9602282787753681232e-6,
]; // 3FD97779CDDADC09 … BED09C4342A26120

// erf on [0.84375, 1.25) in s = |x| − 1.
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1,
  -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.166375594868790843e-3,
]; // BF6359B8BEF77538 … BF61BF380A96073F
const QA = [
  1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1,
  1.36370839120290507362e-2, 1.1984499846799107417e-2,
];

// erfc on [1.25, 1/0.35) in z = 1/x².
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1,
  -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
];
const SA = [
  1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2, 6.45387271733267880336e2,
  4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
];

// erfc on [1/0.35, 28) in z = 1/x².
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2,
  -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const SB = [
  3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3,
  2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1,
];

const ERFC_SWITCH = 1 / 0.35; // fdlibm compares high words with 0x4006DB6E (≈ 2.857142)

/** Horner evaluation of c[0] + c[1]·z + … */
function poly(c: readonly number[], z: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * z + c[i];
  return r;
}

/** 1 + z·(q[0] + q[1]·z + …): fdlibm's denominators all start with 1. */
function poly1(q: readonly number[], z: number): number {
  return 1 + z * poly(q, z);
}

const view = new DataView(new ArrayBuffer(8));

/** x with the low 32 bits of its significand cleared (fdlibm's SET_LOW_WORD(z, 0)), so z·z is exact. */
function truncLow(x: number): number {
  view.setFloat64(0, x);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** erfc(a)·… tail for a ≥ 1.25: exp(−a² − 0.5625 + R/S)/a, with −a² split to keep it exact. */
function tail(a: number): number {
  const z = 1 / (a * a);
  const rs = a < ERFC_SWITCH ? poly(RA, z) / poly1(SA, z) : poly(RB, z) / poly1(SB, z);
  const t = truncLow(a);
  return (Math.exp(-t * t - 0.5625) * Math.exp((t - a) * (t + a) + rs)) / a;
}

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, to about 1 ulp. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -28) return x + EFX * x;
    const z = x * x;
    return x + x * (poly(PP, z) / poly1(QQ, z));
  }
  if (a < 1.25) {
    const s = a - 1;
    const r = ERX + poly(PA, s) / poly1(QA, s);
    return x > 0 ? r : -r;
  }
  if (a >= 6) return x > 0 ? 1 : -1;
  const r = 1 - tail(a);
  return x > 0 ? r : -r;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in the right tail (no cancellation). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -56) return 1 - x;
    const z = x * x;
    const y = poly(PP, z) / poly1(QQ, z);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (a < 1.25) {
    const s = a - 1;
    const pq = poly(PA, s) / poly1(QA, s);
    return x > 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (a < 28) {
    if (x < -6) return 2;
    const r = tail(a);
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2;
}
