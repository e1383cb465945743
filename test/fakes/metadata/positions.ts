/**
 * Offsets ↔ `Loc`/`Pos` for the metadata fake. `Loc` in obsidian.d.ts is `{ line, col, offset }`, all 0-based,
 * counted in UTF-16 code units of the note text (the captures cannot tell units from code points: BMP only).
 */
import type { Loc, Pos } from 'obsidian';

/** The note split into lines, with each line's start offset; turns offsets into obsidian.d.ts `Loc`s. */
export class LineIndex {
  readonly lines: string[];
  readonly starts: number[];

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    this.starts = [];
    let offset = 0;
    for (const line of this.lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  /** The `Loc` of an offset (binary search over line starts). */
  loc(offset: number): Loc {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, col: offset - this.starts[lo], offset };
  }

  /** `Loc` of a line and column. */
  at(line: number, col: number): Loc {
    return { line, col, offset: this.starts[line] + col };
  }

  /** `Pos` from line/col pairs; `end` is exclusive, like Obsidian's. */
  pos(startLine: number, startCol: number, endLine: number, endCol: number): Pos {
    return { start: this.at(startLine, startCol), end: this.at(endLine, endCol) };
  }

  /** `Pos` from two offsets. */
  span(start: number, end: number): Pos {
    return { start: this.loc(start), end: this.loc(end) };
  }

  /** Column just after the last non-whitespace character of a line (Obsidian's elements end there). */
  endCol(line: number): number {
    return this.lines[line].replace(/\s+$/, '').length;
  }
}
