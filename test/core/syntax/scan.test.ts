/**
 * The character scanner under the block parser, on inputs small enough to work out by hand: quotes open only at
 * a token's start, `\` escapes in "…" and `''` in '…', a comment starts at a `#` after whitespace outside quotes
 * and brackets, lists split at top-level commas (ASCII or full-width), and wiki-link sequences are links joined by
 * commas and nothing else.
 */
import { describe, expect, it } from 'vitest';
import {
  isWholeQuoted,
  linkSequence,
  matchingClose,
  splitList,
  stripComment,
  unquote,
} from '../../../src/core/syntax/scan';

describe('quotes', () => {
  it('unquotes double-quoted text and resolves its four escapes', () => {
    expect(unquote('"ab"')).toBe('ab');
    expect(unquote('"a\\nb"')).toBe('a\nb');
    expect(unquote('"a\\tb"')).toBe('a\tb');
    expect(unquote('"a\\"b"')).toBe('a"b');
    expect(unquote('"a\\\\b"')).toBe('a\\b');
    // Any other backslash stays as written.
    expect(unquote('"a\\xb"')).toBe('a\\xb');
  });

  it("unquotes single-quoted text, where '' is one quote", () => {
    expect(unquote("'ab'")).toBe('ab');
    expect(unquote("'it''s'")).toBe("it's");
    expect(isWholeQuoted("'it''s'")).toBe(true);
  });

  it('leaves text that is not one whole quoted string as it is', () => {
    expect(unquote('"a" "b"')).toBe('"a" "b"');
    expect(unquote('"ab')).toBe('"ab');
    expect(isWholeQuoted('"')).toBe(false);
  });

  it('does not open a quote inside a word, so apostrophes stay text', () => {
    // Were the apostrophe in don't an opening quote, it would close at won't's and swallow the comma.
    expect(splitList("don't, won't")).toEqual(["don't", "won't"]);
    expect(splitList('a, "b, c", d')).toEqual(['a', 'b, c', 'd']);
  });

  it('keeps commas inside single quotes too', () => {
    expect(splitList("'a, b', c")).toEqual(['a, b', 'c']);
  });

  it('escapes with a backslash only in double quotes, and with a doubled quote only in single quotes', () => {
    // In '…' a backslash is a plain character, so the second quote closes the string.
    expect(unquote("'a\\'")).toBe('a\\');
    // In "…" a following ' is not an escape: the string closes at the second ", leaving '" outside it.
    expect(isWholeQuoted(`"a"'"`)).toBe(false);
    expect(unquote(`"a"'"`)).toBe(`"a"'"`);
  });
});

describe('comments', () => {
  it('cut at a # after whitespace, or at the start', () => {
    expect(stripComment('x # note')).toBe('x');
    expect(stripComment('# all of it')).toBe('');
  });

  it('keep a # inside a word, brackets or quotes', () => {
    expect(stripComment('a#b')).toBe('a#b');
    expect(stripComment('a# b')).toBe('a# b');
    expect(stripComment('[[Note #h]]')).toBe('[[Note #h]]');
    expect(stripComment('[a #b] # c')).toBe('[a #b]');
    expect(stripComment('"a #b" # c')).toBe('"a #b"');
  });
});

describe('matchingClose', () => {
  it('finds the bracket closing the first one, or -1', () => {
    expect(matchingClose('[a, (b)]')).toBe(7);
    expect(matchingClose('[a, "]"]')).toBe(7);
    expect(matchingClose('[ab')).toBe(-1);
  });
});

describe('linkSequence', () => {
  it('reads links joined by commas, with any spaces around them', () => {
    expect(linkSequence('[[a]]')).toEqual(['[[a]]']);
    expect(linkSequence('[[a]] ')).toEqual(['[[a]]']);
    expect(linkSequence('[[a]] , [[b#c]]')).toEqual(['[[a]]', '[[b#c]]']);
    expect(linkSequence('[[a]]，[[b]]')).toEqual(['[[a]]', '[[b]]']);
    // An empty link is still a link here; resolving it is the link resolver's business.
    expect(linkSequence('[[a]],[[]]')).toEqual(['[[a]]', '[[]]']);
  });

  it('refuses anything else', () => {
    expect(linkSequence('[[a')).toBeUndefined();
    expect(linkSequence('[[a[b]]')).toBeUndefined();
    expect(linkSequence('[[a]];[[b]]')).toBeUndefined();
    expect(linkSequence('[[a]] x')).toBeUndefined();
    expect(linkSequence('x [[a]]')).toBeUndefined();
    // A closing ]] without its opening [[ is not a link.
    expect(linkSequence('abc]]')).toBeUndefined();
  });
});
