/** CSV export of drawn data (RFC 4180 quoting; numbers at full float64 precision). */

/** Quotes a header cell when it contains a comma, quote or newline. */
function cell(v: string | number): string {
  if (typeof v === 'number') return isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A header row and numeric rows → CSV text with CRLF line ends. */
export function csvOf(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
