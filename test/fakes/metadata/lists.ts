/**
 * List blocks: how far a list runs and the `ListItemCache` entries in it, imitating the quirks the captures show:
 * - `parent` is the parent item's line; a top-level item has minus the line of the list's first item (-1 for 0).
 * - A top-level item starts at its container's content column (col 0 in the note, after `> ` in a quote), even
 *   when indented by 1–3 spaces; a nested item starts at its parent's content column, not at its marker — except a
 *   `1.` item nested in a `1.` item, which starts at its marker (seen once, `numbered_list_items_standard`).
 * - An item ends at the end of its own text (continuation lines and fenced code included, nested items not); an item
 *   followed by blank lines and then a sibling ends at column 0 of the last blank line.
 * - `task` is the character between `[` `]` after the marker; `- [ ] 1. text` adds a nested non-task item that starts
 *   after the checkbox (`numbered_tasks_issue_3481`).
 * - A different bullet character, or `.` vs `)`, starts a new list.
 */
import {
  type Row,
  charsForCols,
  fenceCloses,
  fenceOpen,
  indentOf,
  interruptsParagraph,
  isBlank,
  isThematicBreak,
  listMarker,
  atxHeading,
  isQuote,
} from './block-rules';

/** A list item before it becomes a `ListItemCache` (lines and columns only). */
export interface RawItem {
  line: number;
  startCol: number;
  endLine: number;
  endCol: number;
  parent: number;
  task?: string;
  id?: string;
  /** Text of the last line of the item's own content (where a `^block-id` would be). */
  lastText: string;
  contentCol: number;
  kind: string;
  twin?: RawItem;
}

/** A fenced code block found inside a list item, in note coordinates (opaque to link and tag scanning). */
export interface Span {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** Result of reading one list: the index of its last row, its items in order, and code fenced inside it. */
export interface ListRun {
  last: number;
  items: RawItem[];
  fences: Span[];
}

const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;

/** Reads the list that starts at `rows[first]` (which must hold a list marker). */
export function readList(rows: Row[], first: number): ListRun {
  const items: RawItem[] = [];
  const fences: Span[] = [];
  const stack: RawItem[] = [];
  // Top-level items point at minus the list's first line; Obsidian writes -1 (not -0) for a list on line 0.
  const rootParent = rows[first].line === 0 ? -1 : -rows[first].line;
  let listKind = '';
  let last = first;
  let pendingBlank = -1; // index of the last blank row seen since the last content row, or -1
  let touched: RawItem | null = null;
  let fence: { ch: string; len: number; span: Span; item: RawItem } | null = null;

  const touch = (item: RawItem, row: Row, index: number): void => {
    item.endLine = row.line;
    item.endCol = row.pre + row.text.replace(/\s+$/, '').length;
    item.lastText = row.text;
    touched = item;
    last = index;
    pendingBlank = -1;
  };

  for (let j = first; j < rows.length; j++) {
    const row = rows[j];
    const text = row.text;
    if (fence) {
      // Lines of a code block fenced inside an item belong to that item until the closing fence.
      if (!isBlank(text)) touch(fence.item, row, j);
      if (fenceCloses(text, fence)) {
        Object.assign(fence.span, { endLine: row.line, endCol: row.pre + text.replace(/\s+$/, '').length });
        fence = null;
      }
      continue;
    }
    if (isBlank(text)) {
      pendingBlank = j;
      continue;
    }
    const ind = indentOf(text);
    let d = stack.length - 1;
    while (d >= 0 && stack[d].contentCol > ind.cols) d--;
    const marker = isThematicBreak(text) ? null : listMarker(text.slice(ind.chars));
    if (marker && (d >= 0 || j === first || (marker.kind === listKind && ind.cols <= 3))) {
      const parent = d >= 0 ? stack[d] : null;
      if (j === first) listKind = marker.kind;
      stack.length = d + 1;
      let startCol = row.pre;
      if (parent) {
        const quirk = parent.kind === '.' && marker.kind === '.';
        startCol = row.pre + (quirk ? ind.chars : charsForCols(text, parent.contentCol));
      }
      const item: RawItem = {
        line: row.line,
        startCol,
        endLine: row.line,
        endCol: 0,
        parent: parent ? parent.line : rootParent,
        lastText: text,
        contentCol: ind.cols + marker.contentOffset,
        kind: marker.kind,
      };
      // Blank lines between an item and its next sibling belong to the item (it ends at the last blank line).
      const prev = touched as RawItem | null;
      if (pendingBlank >= 0 && prev && prev.parent === item.parent) {
        Object.assign(prev, { endLine: rows[pendingBlank].line, endCol: 0 });
      }
      const task = /^\[(.)\](?=[ \t]|$)/.exec(marker.content);
      if (task) {
        item.task = task[1];
        const after = marker.content.slice(3);
        const lead = /^[ \t]*/.exec(after)![0].length;
        if (/^\d{1,9}[.)](?:[ \t]|$)/.test(after.slice(lead))) {
          const col = row.pre + ind.chars + marker.contentOffset + 3 + lead;
          // The twin never holds the block id (lastText ''); it ends where its item ends (set below).
          item.twin = {
            line: row.line,
            startCol: col,
            endLine: row.line,
            endCol: 0,
            parent: row.line,
            lastText: '',
            contentCol: item.contentCol,
            kind: item.kind,
          };
        }
      }
      items.push(item);
      if (item.twin) items.push(item.twin);
      stack.push(item);
      touch(item, row, j);
      continue;
    }
    if (marker) {
      // A different kind of marker outside every item ends the list, except that an ordered item not starting at 1
      // cannot interrupt a paragraph: right after text it is lazy continuation text of the open item.
      const lazy = pendingBlank < 0 && (marker.kind === '.' || marker.kind === ')') && marker.start !== 1;
      if (!lazy || !stack.length) break;
      touch(stack[stack.length - 1], row, j);
      continue;
    }
    if (pendingBlank >= 0) {
      // After a blank line only text indented to an open item's content column continues the list.
      if (d < 0) break;
      stack.length = d + 1;
    } else if (d < 0 && interruptsParagraph(text)) {
      break;
    }
    const startsBlock = !!(
      fenceOpen(text.slice(ind.chars)) ||
      atxHeading(text.slice(ind.chars)) ||
      isQuote(text.slice(ind.chars))
    );
    const target = startsBlock && d >= 0 ? stack[d] : stack.length ? stack[stack.length - 1] : null;
    if (!target) break;
    if (startsBlock && d >= 0) stack.length = d + 1;
    const open = fenceOpen(text.slice(ind.chars));
    if (open) {
      const span: Span = {
        startLine: row.line,
        startCol: row.pre + ind.chars,
        endLine: row.line,
        endCol: row.pre + text.length,
      };
      fences.push(span);
      fence = { ...open, span, item: target };
      // An unclosed fence runs to the end of its container.
      const tail = rows[rows.length - 1];
      Object.assign(span, { endLine: tail.line, endCol: tail.pre + tail.text.length });
    }
    touch(target, row, j);
  }
  for (const item of items) {
    const id = BLOCK_ID.exec(item.lastText);
    if (id) item.id = id[1];
    if (item.twin) Object.assign(item.twin, { endLine: item.endLine, endCol: item.endCol });
  }
  return { last, items, fences };
}
