/**
 * computeCache against the 89 notes whose CachedMetadata real Obsidian computed (test/fixtures/obsidian-cache, README
 * there). Every field Obsidian reported in any capture is compared, whole arrays at a time (order included); the
 * list of compared fields is printed, and a test fails if a capture holds a field not in that list.
 */
import fc from 'fast-check';
import process from 'node:process';
import { afterAll, describe, expect, it } from 'vitest';
import type { CachedMetadata, HeadingCache } from 'obsidian';
import { brief, loadCaptures } from './captures';
import { computeCache } from './compute-cache';
import { resolveSubpath } from './link-resolution';
import { LineIndex } from './positions';

/** Fields compared, in the priority order of the brief; none of the captures' fields is skipped. */
const COMPARED = [
  'headings',
  'sections',
  'blocks',
  'frontmatterPosition',
  'links',
  'frontmatter',
  'frontmatterLinks',
  'embeds',
  'tags',
  'listItems',
] as const;

const captures = loadCaptures();
const matched = new Map<string, number>();

afterAll(() => {
  const rows = COMPARED.map((f) => `  ${f.padEnd(20)} ${matched.get(f) ?? 0}/${captures.length}`);
  process.stdout.write(
    `computeCache vs Obsidian captures — fields compared (matching captures):\n${rows.join('\n')}\n`,
  );
});

describe('computeCache imitates getFileCache on the Obsidian captures', () => {
  it('reads all 89 captures', () => {
    expect(captures).toHaveLength(89);
  });

  it('compares every field the captures hold', () => {
    const seen = new Set(captures.flatMap((c) => Object.keys(c.cachedMetadata)));
    expect([...seen].filter((f) => !(COMPARED as readonly string[]).includes(f))).toEqual([]);
  });

  describe.each(COMPARED)('%s', (field) => {
    it.each(captures.map((c) => [c.name, c] as const))('%s', (_name, capture) => {
      const ours = computeCache(capture.fileContents)[field as keyof CachedMetadata];
      const real = capture.cachedMetadata[field as keyof CachedMetadata];
      // Compact view first so a failing rule reads as one pattern; the structural check is the verdict.
      expect(brief(ours), `${capture.name}: ${field}`).toBe(brief(real));
      expect(ours, `${capture.name}: ${field}`).toEqual(real);
      matched.set(field, (matched.get(field) ?? 0) + 1);
    });
  });
});

/** The README's extraction rule: a heading's section runs to the next heading of the same or a higher level. */
function readmeSlice(text: string, headings: HeadingCache[], k: number): string {
  const next = headings.slice(k + 1).find((h) => h.level <= headings[k].level);
  return text.slice(headings[k].position.start.offset, next ? next.position.start.offset : text.length);
}

describe('heading sections slice like Obsidian', () => {
  const withHeadings = captures.filter((c) => c.cachedMetadata.headings);
  it.each(withHeadings.map((c) => [c.name, c] as const))('%s', (_name, capture) => {
    const real = capture.cachedMetadata.headings!;
    const ours = computeCache(capture.fileContents).headings!;
    const text = capture.fileContents;
    real.forEach((h, k) => {
      expect(readmeSlice(text, ours, k), `${capture.name}: ${h.heading}`).toBe(readmeSlice(text, real, k));
      // resolveSubpath gives the same slice when the heading text is unique in the note.
      if (real.filter((o) => o.heading === h.heading).length > 1) return;
      const found = resolveSubpath(computeCache(text), `#${h.heading}`);
      expect(found?.type, `${capture.name}: #${h.heading}`).toBe('heading');
      expect(text.slice(found!.start.offset, found!.end?.offset ?? text.length)).toBe(readmeSlice(text, real, k));
    });
  });
});

describe('computeCache on arbitrary text', () => {
  const pieces = [
    '\n',
    '\n\n',
    '# ',
    '## h',
    '- ',
    '  - ',
    '1. ',
    '1) ',
    '> ',
    '> [!note]',
    '```',
    '~~~',
    '$$',
    '%%',
    '<!--',
    '-->',
    '---',
    '[[',
    ']]',
    '|',
    '#',
    '^id',
    ' ^b-1',
    '`',
    '[x](y.md)',
    '![[e]]',
    '[',
    ']',
    '(',
    ')',
    'text',
    '中文',
    '\t',
    '    ',
    '\\',
  ];
  it('never throws; positions are consistent with offsets and inside the text; sections in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const cache = computeCache(text);
        const index = new LineIndex(text);
        const items = [
          ...(cache.sections ?? []),
          ...(cache.headings ?? []),
          ...(cache.links ?? []),
          ...(cache.embeds ?? []),
          ...(cache.tags ?? []),
          ...(cache.listItems ?? []),
          ...Object.values(cache.blocks ?? {}),
        ];
        for (const { position: p } of items) {
          expect(index.loc(p.start.offset)).toEqual(p.start);
          expect(index.loc(p.end.offset)).toEqual(p.end);
          expect(p.start.offset).toBeLessThanOrEqual(p.end.offset);
          expect(p.end.offset).toBeLessThanOrEqual(text.length);
        }
        const sections = cache.sections ?? [];
        sections
          .slice(1)
          .forEach((s, k) => expect(s.position.start.offset).toBeGreaterThan(sections[k].position.end.offset));
      }),
      { numRuns: 500, seed: 20240601 },
    );
  });
});
