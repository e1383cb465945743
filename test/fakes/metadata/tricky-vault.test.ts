/**
 * The tricky vault (test/fixtures/tricky-vault, see its README): resolution and linked text for each case, with
 * expected values written by hand from Obsidian's documented behaviour:
 * - a bare name resolves to the note with that name wherever it is; among duplicates the one next to the linking
 *   note wins (and, from elsewhere, the shortest path: our documented tie-break);
 * - `[[folder/name]]` picks by path; names match ignoring case;
 * - aliases are display names, not link targets (Obsidian writes `[[Note|alias]]` when you pick an alias);
 * - a heading link covers the heading up to the next heading of the same or higher level; `#H1#H2` walks down;
 * - a block link covers the paragraph or list item carrying `^id` (a list item without its nested items).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWikiLink } from '../../../src/core/links/wikilinks';
import { FakeVault } from './vault';

const vault = FakeVault.fromFolder(fileURLToPath(new URL('../../fixtures/tricky-vault', import.meta.url)));

/** Text of a linktext resolved from `source`, or the failure. */
const text = (linktext: string, source: string): string => {
  const r = vault.resolveText(linktext, source);
  if (!r.ok) throw new Error(`${linktext} from ${source}: missing ${r.missing} ${r.what}`);
  return r.text;
};

describe('note resolution', () => {
  it.each([
    ['Duplicate', 'Notes/Hub.md', 'Notes/Duplicate.md'],
    ['Duplicate', 'Archive/Old.md', 'Archive/Duplicate.md'],
    ['Duplicate', 'Index.md', 'Notes/Duplicate.md'],
    ['Archive/Duplicate', 'Index.md', 'Archive/Duplicate.md'],
    ['Archive/Duplicate', 'Notes/Hub.md', 'Archive/Duplicate.md'],
    ['case NOTE', 'Index.md', 'Notes/Case Note.md'],
    ['notes/case note', 'Index.md', 'Notes/Case Note.md'],
    ['Aliased', 'Index.md', 'Notes/Aliased.md'],
    ['Other Name', 'Index.md', null],
    ['别名', 'Index.md', null],
    ['B', 'Loop/A.md', 'Loop/B.md'],
    ['A', 'Loop/B.md', 'Loop/A.md'],
    ['Self', 'Loop/Self.md', 'Loop/Self.md'],
    ['#Part two', 'Loop/Self.md', 'Loop/Self.md'],
    ['Nowhere', 'Broken.md', null],
    ['Notes/Nowhere#Heading', 'Broken.md', null],
  ])('[[%s]] from %s → %s', (linktext, source, expected) => {
    expect(vault.dest(linktext, source)).toBe(expected);
  });

  it('reads aliases from frontmatter but does not resolve them', () => {
    expect(vault.cache('Notes/Aliased.md').frontmatter).toEqual({ aliases: ['Other Name', '别名'], tags: ['fixture'] });
    const index = vault.cache('Index.md').links!;
    expect(index.find((l) => l.original === '[[Aliased|Other Name]]')).toMatchObject({
      link: 'Aliased',
      displayText: 'Other Name',
    });
  });

  it('each duplicate has its own text', () => {
    expect(text('Duplicate', 'Archive/Old.md')).toBe('# Duplicate\n\nThe copy in Archive.\n');
    expect(text('Duplicate', 'Notes/Hub.md')).toBe('# Duplicate\n\nThe copy in Notes.\n');
  });
});

describe('headings with punctuation, Chinese text, duplicates and chains', () => {
  const src = 'Index.md';
  const setup = '## Setup: Step 1 (draft)\n\nSetup text.\n\n### Details?\n\nSetup details text.\n\n';
  it.each([
    ['Headings#Setup: Step 1 (draft)', setup],
    ['Headings#Setup Step 1 draft', setup],
    ['Headings#setup: STEP 1 (Draft)', setup],
    ['Headings#激活函数：ReLU 与 GELU', '## 激活函数：ReLU 与 GELU\n\n中文节的正文。\n\n### 梯度\n\nReLU 的梯度。\n\n'],
    ['Headings#激活函数：relu 与 gelu', '## 激活函数：ReLU 与 GELU\n\n中文节的正文。\n\n### 梯度\n\nReLU 的梯度。\n\n'],
    ['Headings#梯度', '### 梯度\n\nReLU 的梯度。\n\n'],
    ['Headings#Details', '### Details?\n\nSetup details text.\n\n'],
    ['Headings#Overview#Details', '### Details\n\nOverview details text.\n\n#### Deep\n\nDeep text.\n\n'],
    ['Headings#Overview#Deep', '#### Deep\n\nDeep text.\n\n'],
    ['Headings#Headings#Overview#Details#Deep', '#### Deep\n\nDeep text.\n\n'],
    [
      'Headings#Overview',
      '## Overview\n\nFirst overview.\n\n### Details\n\nOverview details text.\n\n#### Deep\n\nDeep text.\n\n',
    ],
    ['Headings#Appendix', '# Appendix\n\nAppendix text.\n'],
  ])('[[%s]]', (linktext, expected) => {
    expect(text(linktext, src)).toBe(expected);
  });

  it.each([
    ['Headings#激活函数:ReLU 与 GELU', 'ASCII colon for a full-width one: Chinese punctuation is literal'],
    ['Headings#Deep#Overview', 'a chain must go down the outline'],
    ['Headings#Details#Overview', 'a chain must go down the outline'],
    ['Headings#No such heading', 'no heading'],
  ])('[[%s]] finds no heading (%s)', (linktext) => {
    expect(vault.resolveText(linktext, src)).toEqual({
      ok: false,
      missing: 'heading',
      what: `#${linktext.split('#').slice(1).join('#')}`,
    });
  });
});

describe('block ids on paragraphs and list items', () => {
  it.each([
    ['Blocks#^para-1', 'A paragraph with an id. ^para-1'],
    ['Blocks#^two-lines', 'Two-line paragraph,\nsecond line ends with the id. ^two-lines'],
    ['Blocks#^item-2', '- second item with an id ^item-2'],
    ['Blocks#^child-3', '- nested child ^child-3'],
    ['Blocks#^ITEM-2', '- second item with an id ^item-2'],
  ])('[[%s]]', (linktext, expected) => {
    expect(text(linktext, 'Index.md')).toBe(expected);
  });

  it('list-item blocks carry their list item', () => {
    const cache = vault.cache('Notes/Blocks.md');
    expect(cache.listItems!.filter((i) => i.id).map((i) => [i.id, i.parent])).toEqual([
      ['item-2', -4],
      ['child-3', 5],
    ]);
  });

  it('a missing block id', () => {
    expect(vault.resolveText('Blocks#^no-such-block', 'Broken.md')).toEqual({
      ok: false,
      missing: 'block',
      what: '#^no-such-block',
    });
  });
});

describe('links between notes', () => {
  it('A → B → A: each link resolves to the other note', () => {
    const hop = (source: string): string[] => vault.cache(source).links!.map((l) => vault.dest(l.link, source)!);
    expect(hop('Loop/A.md')).toEqual(['Loop/B.md', 'Loop/B.md']);
    expect(hop('Loop/B.md')).toEqual(['Loop/A.md', 'Loop/A.md']);
    expect(text('B#Back', 'Loop/A.md')).toBe('## Back\n\nBack in B; back to [[A#Back]].\n');
    expect(text('A#Back', 'Loop/B.md')).toBe('## Back\n\nBack in A; on to [[B]].\n');
  });

  it('a note linking to itself', () => {
    const links = vault.cache('Loop/Self.md').links!.map((l) => [l.link, vault.dest(l.link, 'Loop/Self.md')]);
    expect(links).toEqual([
      ['#Part two', 'Loop/Self.md'],
      ['Self#Part one', 'Loop/Self.md'],
      ['Self', 'Loop/Self.md'],
    ]);
    expect(text('#Part two', 'Loop/Self.md')).toBe('## Part two\n\nThe end.\n');
    expect(text('Self#Part one', 'Loop/Self.md')).toBe(
      '## Part one\n\nSee [[#Part two]], [[Self#Part one]] and [[Self]].\n\n',
    );
  });

  it('a note linking to missing things', () => {
    const results = vault.cache('Broken.md').links!.map((l) => vault.resolveText(l.link, 'Broken.md'));
    expect(results.map((r) => (r.ok ? r.path : `${r.missing}: ${r.what}`))).toEqual([
      'note: Nowhere',
      'note: Notes/Nowhere',
      'heading: #No such heading',
      'block: #^no-such-block',
    ]);
  });
});

describe('the core LinkResolver port over the fake vault', () => {
  it('resolves a parsed [[…]] from a code block', async () => {
    const link = parseWikiLink('"[[Headings#Overview#Deep|深]]"');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(await vault.resolve(link.value, 'Index.md')).toEqual({
      ok: true,
      path: 'Notes/Headings.md',
      text: '#### Deep\n\nDeep text.\n\n',
      truncated: false,
    });
  });

  it('reports truncation', async () => {
    const small = FakeVault.fromFolder(fileURLToPath(new URL('../../fixtures/tricky-vault', import.meta.url)), 10);
    const link = parseWikiLink('[[Headings#Appendix]]');
    if (!link.ok) throw new Error('parse');
    expect(await small.resolve(link.value, 'Index.md')).toEqual({
      ok: true,
      path: 'Notes/Headings.md',
      text: '# Appendix',
      truncated: true,
    });
  });
});
