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
