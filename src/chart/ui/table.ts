/** A block's table (the activation properties) as a real HTML table: copyable, read cell by cell by screen readers. */
import type { TableView } from '../../blocks/block-kind';

/** Fills `slot` with the table; re-renders only when a cell changed (slider frames redraw often). */
export function renderTable(slot: HTMLElement, table: TableView | undefined, before?: TableView): void {
  if (before && table && JSON.stringify(before) === JSON.stringify(table)) return;
  slot.empty();
  if (!table) return;
  const wrap = slot.createDiv({ cls: 'activation-lab-table-wrap' });
  const el = wrap.createEl('table', { cls: table.className });
  const head = el.createEl('thead').createEl('tr');
  for (const h of table.head) head.createEl('th', { text: h, attr: { scope: 'col' } });
  const body = el.createEl('tbody');
  for (const row of table.rows) {
    const tr = body.createEl('tr');
    // The first cell names the row.
    row.forEach((cell, i) =>
      tr.createEl(i === 0 ? 'th' : 'td', { text: cell, ...(i === 0 ? { attr: { scope: 'row' } } : {}) }),
    );
  }
  if (table.note) slot.createDiv({ cls: 'activation-lab-table-note', text: table.note });
}
