/**
 * `computeCache(text)`: a pure imitation of `MetadataCache.getFileCache(file)` for the test fake, checked against
 * the 89 notes captured from real Obsidian in test/fixtures/obsidian-cache (see compute-cache.test.ts).
 *
 * Imitated (all 89 captures match): headings, sections, blocks, links, embeds, tags, frontmatter,
 * frontmatterPosition, frontmatterLinks, listItems. Rules live next to their code: block-rules.ts, sections.ts,
 * lists.ts, inline.ts, frontmatter.ts.
 * Not imitated: footnotes, footnoteRefs, referenceLinks (never produced); block ids on blocks other than paragraphs
 * and list items (Obsidian's "`^id` on its own line after a quote/table" form); headings inside quotes or lists;
 * tables, math, thematic breaks and setext headings follow CommonMark/Obsidian docs but no capture checks them.
 * Positions count UTF-16 code units (the captures hold BMP text only, so this is unverified for non-BMP text);
 * CRLF line endings are not imitated (a `\r` stays part of each line). Other rules chosen without a capture to
 * check them: `$$` blocks cannot interrupt a paragraph; inline `$…$` math hides links and tags; `[[…]]` spans one line.
 */
import type { BlockCache, CachedMetadata, HeadingCache, ListItemCache, SectionCache } from 'obsidian';
import { type Row } from './block-rules';
import { frontmatterLinks, parseFrontmatter } from './frontmatter';
import { type Inline, scanInline } from './inline';
import { LineIndex } from './positions';
import { type Scan, scanRows } from './sections';

const SCANNED = new Set(['paragraph', 'heading', 'list', 'blockquote', 'callout', 'comment', 'table']);

/** Imitates `MetadataCache.getFileCache(file)` for a note's text: fields with nothing to report are absent. */
export function computeCache(text: string): CachedMetadata {
  const index = new LineIndex(text);
  const scan: Scan = { sections: [], items: [], opaque: [] };
  const rows: Row[] = index.lines.map((line, n) => ({ line: n, pre: 0, text: line }));
  const cache: CachedMetadata = {};

  // Frontmatter: `---` on line 0 up to the next `---` line; a `yaml` section even when empty.
  let body = 0;
  let yaml: string | null = null;
  if (/^---[ \t]*$/.test(index.lines[0])) {
    const close = index.lines.findIndex((l, n) => n > 0 && /^---[ \t]*$/.test(l));
    if (close > 0) {
      scan.sections.push({ type: 'yaml', startLine: 0, startCol: 0, endLine: close, endCol: 3 });
      scan.opaque.push({ startLine: 0, startCol: 0, endLine: close, endCol: 3 });
      yaml = index.lines.slice(1, close).join('\n');
      body = close + 1;
    }
  }
  scanRows(rows.slice(body), scan, true);

  const frontmatter = yaml === null ? null : parseFrontmatter(yaml);
  if (frontmatter) {
    cache.frontmatter = frontmatter;
    cache.frontmatterPosition = index.pos(0, 0, body - 1, 3);
    cache.frontmatterLinks = frontmatterLinks(frontmatter);
  }

  const sections: SectionCache[] = scan.sections.map((s) => {
    const out: SectionCache = { type: s.type, position: index.pos(s.startLine, s.startCol, s.endLine, s.endCol) };
    if (s.id !== undefined) out.id = s.id;
    return out;
  });
  const headings: HeadingCache[] = [];
  const blocks: Record<string, BlockCache> = {};
  scan.sections.forEach((s, k) => {
    if (s.heading)
      headings.push({ heading: s.heading.heading, level: s.heading.level, position: sections[k].position });
    if (s.id !== undefined) blocks[s.id] = { id: s.id, position: sections[k].position };
  });
  const listItems: ListItemCache[] = scan.items.map((item) => {
    const out: ListItemCache = {
      parent: item.parent,
      position: index.pos(item.line, item.startCol, item.endLine, item.endCol),
    };
    if (item.task !== undefined) out.task = item.task;
    if (item.id !== undefined) {
      out.id = item.id;
      blocks[item.id] = { id: item.id, position: out.position };
    }
    return out;
  });

  // Inline syntax: code blocks and frontmatter blanked out (offsets kept), then each scanned section on its own.
  const chars = text.split('');
  for (const o of scan.opaque) {
    for (let k = index.at(o.startLine, o.startCol).offset; k < index.at(o.endLine, o.endCol).offset; k++) {
      if (chars[k] !== '\n') chars[k] = ' ';
    }
  }
  const masked = chars.join('');
  const inline: Inline = { links: [], embeds: [], tags: [] };
  scan.sections.forEach((s, k) => {
    if (!SCANNED.has(s.type)) return;
    const from = s.heading ? index.at(s.startLine, 0).offset + s.heading.textStart : sections[k].position.start.offset;
    scanInline(masked, from, sections[k].position.end.offset, index, inline);
  });

  if (headings.length) cache.headings = headings;
  if (sections.length) cache.sections = sections;
  if (Object.keys(blocks).length) cache.blocks = blocks;
  if (inline.links.length) cache.links = inline.links;
  if (inline.embeds.length) cache.embeds = inline.embeds;
  if (inline.tags.length) cache.tags = inline.tags;
  if (listItems.length) cache.listItems = listItems;
  return cache;
}
