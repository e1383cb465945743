/** Legend entries for the marks a chart draws besides its lines (bands and markers), so none goes unexplained. */
import type { LineChartModel } from './line-chart-model';
import type { LegendEntry } from './block-kind';

/** One entry per distinct band or marker meaning (`legend`), in the text colour, in the order the charts draw them. */
export function markLegend(charts: readonly LineChartModel[]): LegendEntry[] {
  const out: LegendEntry[] = [];
  const seen = new Set<string>();
  const add = (key: string, entry: LegendEntry): void => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  for (const chart of charts) {
    for (const b of chart.bands) if (b.legend) add(`band:${b.legend}`, { label: b.legend, mark: 'band' });
    for (const m of chart.markers) if (m.legend) add(`${m.shape}:${m.legend}`, { label: m.legend, mark: m.shape });
  }
  return out;
}
