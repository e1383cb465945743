/** The view of a training demo while its first job runs: the controls, and one empty frame saying what trains. */
import type { BlockView, Control } from '../block-kind';
import { csvOf } from '../csv';

/** An empty frame described by `description`, the kind's `controls` and an empty summary (filled in when done). */
export function waitingView(controls: Control[], description: string): BlockView {
  const axis = { type: 'linear' as const, min: 0, max: 1 };
  return {
    charts: [{ x: axis, y: axis, lines: [], bands: [], markers: [], zeroAxes: false, description }],
    legend: [],
    controls,
    summary: '',
    readout: () => ({ heading: '', rows: [] }),
    csv: () => csvOf([], []),
  };
}
