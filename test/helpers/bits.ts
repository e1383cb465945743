/** Bit-for-bit comparison of float64 results (NaN payloads, −0 and all), for "same values" tests. */

/** The bytes of `values` as float64, as a hex string (equal strings ⇔ identical bits). */
export function float64Bits(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(Float64Array.from(values).buffer);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
