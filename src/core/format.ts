/** Number formatting for read-outs and labels: significant digits, no float noise, − for minus. */

/** `digits` significant digits; exponent form for very large or small magnitudes; NaN → "—". */
export function formatNumber(v: number, digits = 6): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e6 || abs < 1e-4 ? v.toExponential(digits - 1).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(digits)));
  return text.replace(/-/g, '−');
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Like formatNumber, but very large or small magnitudes as `2.8×10⁻¹³` (prose rather than a read-out). */
export function formatPower(v: number, digits = 2): string {
  const abs = Math.abs(v);
  if (!Number.isFinite(v) || v === 0 || (abs >= 1e-3 && abs < 1e4)) return formatNumber(v, digits);
  const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
  const power = `10${String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
  const m = mantissa.replace(/\.?0+$/, '');
  return `${m === '1' ? '' : m === '-1' ? '−' : `${m.replace('-', '−')}×`}${power}`;
}
