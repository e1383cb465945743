/**
 * The edges of the link rules, one case per boundary (each expected value worked out by hand from the documented
 * behaviour): a cut exactly at the last fifth, frontmatter only at the start and ending the note, links with both a
 * heading and an alias, block lines at the very start or end of the note, quotes that wrap only part of the text.
 */
import { describe, expect, it } from 'vitest';
import { stripFrontmatter, truncateText } from '../../../src/core/links/context-links';
import { retargetLinks, rewriteBlockLinks } from '../../../src/core/links/link-rewrite';
import { parseWikiLink } from '../../../src/core/links/wikilinks';

describe('truncateText at the edge of the last fifth', () => {
  it('moves the cut back to a line break lying exactly at 80 % of the limit', () => {
    // max 10: the break at index 8 = 0.8 · 10 is inside the last fifth, so the cut moves to it.
    expect(truncateText('abcdefgh\nijklmn', 10)).toEqual({ text: 'abcdefgh', truncated: true, total: 15 });
    // A break at index 7 (< 8) is outside it: the cut stays at 10.
    expect(truncateText('abcdefg\nhijklmn', 10)).toEqual({ text: 'abcdefg\nhi', truncated: true, total: 15 });
  });
});

describe('stripFrontmatter', () => {
  it('removes frontmatter only at the very start of the note', () => {
    const text = 'intro\n---\nx: 1\n---\nbody';
    expect(stripFrontmatter(text)).toBe(text);
  });

  it('removes frontmatter that is the whole note, with no line break after its closing line', () => {
    expect(stripFrontmatter('---\na: 1\n---')).toBe('');
    expect(stripFrontmatter('---\na: 1\n...')).toBe('');
  });
});

describe('retargeting at the edges', () => {
  it('keeps a heading and an alias written together', () => {
    expect(retargetLinks('[[old#h|shown]] and [[old|s#x]]', 'old', 'new')).toBe('[[new#h|shown]] and [[new|s#x]]');
  });

  it('retargets same-note links when asked for the empty target, keeping their heading', () => {
    expect(retargetLinks('see [[#Top]]', '', 'Other')).toBe('see [[Other#Top]]');
  });
});

describe('rewriteBlockLinks at the start and end of the note', () => {
  const rewrite = (note: string, text: string, lineStart: number, lineEnd: number) =>
    rewriteBlockLinks(note, { text, lineStart, lineEnd }, 'x', 'y');

  it('rewrites a one-line block, also as the last line without a line break', () => {
    expect(rewrite('[[x]]', '[[x]]', 0, 0)).toBe('[[y]]');
    expect(rewrite('a\n[[x]]\nb', 'a\n[[x]]\nb', 1, 1)).toBe('a\n[[y]]\nb');
  });

  it('rewrites a block after an empty first line and one starting with an empty line', () => {
    expect(rewrite('\n[[x]]\n', '\n[[x]]\n', 1, 1)).toBe('\n[[y]]\n');
    expect(rewrite('\n[[x]]', '\n[[x]]', 0, 1)).toBe('\n[[y]]');
  });

  it('does not mind a line break added or removed after the block’s last line', () => {
    expect(rewrite('[[x]]', '[[x]]\n', 0, 0)).toBe('[[y]]');
  });

  it('writes nothing when the note has fewer lines than the block had', () => {
    // The block's lines are gone from the note: its line numbers can no longer be trusted.
    expect(rewrite('[[x]]', 'p\nq\n[[x]]', 2, 2)).toBeNull();
    expect(rewrite('a\n[[x]]', 'a\n[[x]]', 1, 2)).toBeNull();
  });
});

describe('parseWikiLink quotes and aliases', () => {
  it('takes off quotes only when they wrap the whole text', () => {
    expect(parseWikiLink('x"[[a]]"').ok).toBe(false);
    expect(parseWikiLink('"[[a]]"x').ok).toBe(false);
    expect(parseWikiLink('"[[a]]"')).toMatchObject({ ok: true, value: { target: 'a' } });
  });

  it('trims spaces around the alias, and an alias of spaces is none', () => {
    expect(parseWikiLink('[[a| shown text ]]')).toMatchObject({ ok: true, value: { alias: 'shown text' } });
    const blank = parseWikiLink('[[a|   ]]');
    expect(blank.ok && 'alias' in blank.value).toBe(false);
  });
});
