/** Number formatting for read-outs and labels: significant digits, no float noise, − for minus. */

/** `digits` significant digits; exponent form for very large or small magnitudes; NaN → "—". */
export function formatNumber(v: number, digits = 6): string {
  if (Number.isNaN(v)) return '—';
  if (!isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text =
    abs >= 1e6 || abs < 1e-4
      ? v.toExponential(digits - 1).replace(/\.?0+e/, 'e')
      : String(Number(v.toPrecision(digits)));
  return text.replace(/-/g, '−');
}

/** Like formatNumber, but very large or small magnitudes as `2.8×10⁻¹³` (prose rather than a read-out). */
export function formatPower(v: number, digits = 2): string {
  const abs = Math.abs(v);
  if (!isFinite(v) || !(abs >= 1e4 || (abs > 0 && abs < 1e-3))) return formatNumber(v, digits);
  const [m, e] = v
    .toExponential(digits - 1)
    .replace(/\.?0+e/, 'e')
    .split('e');
  const power = `10${[...String(Number(e))].map((c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]).join('')}`;
  return (m === '1' || m === '-1' ? m.slice(0, -1) + power : `${m}×${power}`).replace('-', '−');
}
