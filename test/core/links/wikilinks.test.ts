import { describe, expect, it } from 'vitest';
import { type WikiLink, findWikiLinks, linkTextOf, parseWikiLink } from '../../../src/core/links/wikilinks';

const parsed = (text: string): WikiLink => {
  const r = parseWikiLink(text);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${JSON.stringify(r.problem)}`);
  return r.value;
};

describe('parseWikiLink', () => {
  it.each<[string, Partial<WikiLink>]>([
    ['[[note]]', { target: 'note', subpath: '', headings: [], embed: false }],
    ['[[note#Heading]]', { target: 'note', subpath: '#Heading', headings: ['Heading'] }],
    ['[[note#H1#H2]]', { target: 'note', subpath: '#H1#H2', headings: ['H1', 'H2'] }],
    ['[[note#^block-id]]', { target: 'note', subpath: '#^block-id', headings: [], blockId: 'block-id' }],
    ['[[note|shown text]]', { target: 'note', subpath: '', alias: 'shown text' }],
    ['[[folder/note#Heading|x]]', { target: 'folder/note', subpath: '#Heading', headings: ['Heading'], alias: 'x' }],
    ['[[folder/sub/note.md]]', { target: 'folder/sub/note.md' }],
    ['[[#Heading]]', { target: '', subpath: '#Heading', headings: ['Heading'] }],
    ['[[#^id]]', { target: '', subpath: '#^id', blockId: 'id' }],
    ['![[note#Heading]]', { target: 'note', subpath: '#Heading', embed: true }],
    ['![[image.png]]', { target: 'image.png', embed: true }],
    ['[[神经网络#基本模型]]', { target: '神经网络', subpath: '#基本模型', headings: ['基本模型'] }],
    ['[[代数学#线性变换|线性]]', { target: '代数学', subpath: '#线性变换', alias: '线性' }],
  ])('%s', (text, expected) => {
    const link = parsed(text);
    expect(link).toMatchObject({ raw: text, ...expected });
    if (!('alias' in expected)) expect(link.alias).toBeUndefined();
    if (!('blockId' in expected)) expect(link.blockId).toBeUndefined();
  });

  it('headings keep their punctuation and inner spaces; parts are trimmed; empty parts dropped', () => {
    expect(parsed('[[n#Setup: Step 1 (draft)]]').headings).toEqual(['Setup: Step 1 (draft)']);
    expect(parsed('[[ n # A ## B ]]')).toMatchObject({ target: 'n', headings: ['A', 'B'], subpath: '#A#B' });
  });

  it('the alias keeps any further | and #', () => {
    expect(parsed('[[n#h||a#b]]')).toMatchObject({ target: 'n', subpath: '#h', alias: '|a#b' });
  });

  it('an empty alias is ignored', () => {
    expect(parsed('[[a|]]')).toMatchObject({ target: 'a', subpath: '' });
    expect(parsed('[[a|]]').alias).toBeUndefined();
  });

  it.each([
    ['"[[神经网络#基本模型]]"', '[[神经网络#基本模型]]'],
    ["'[[x]]'", '[[x]]'],
    ['  "  [[x#y]]  "  ', '[[x#y]]'],
    ['"![[x]]"', '![[x]]'],
  ])('strips surrounding quotes and spaces: %s', (text, raw) => {
    expect(parsed(text).raw).toBe(raw);
  });

  it.each([
    '',
    'note',
    '[[',
    ']]',
    '[[note',
    'note]]',
    '[[]]',
    '[[ ]]',
    '[[|]]',
    '[[|alias]]',
    '[[#]]',
    '[[#|x]]',
    '[[a[b]]',
    '[[a]b]]',
    '[[[[a]]]]',
    '[[a]] [[b]]',
    '[[a]]x',
    '"[[a]]',
    '"[[a]]\'',
    '[[a\nb]]',
    '[[n#^]]',
    '[[n#^bad id]]',
    '[[n#^a_b]]',
    '[[n#^a#b]]',
    '[[n#h#^id]]',
    '[[n#^a#^b]]',
    '![[]]',
    '!![[a]]',
  ])('rejects %j with badLink and the value', (text) => {
    expect(parseWikiLink(text)).toEqual({ ok: false, problem: { code: 'badLink', args: { value: text } } });
  });
});

describe('linkTextOf', () => {
  it.each([
    ['[[note]]', 'note'],
    ['[[note#H1#H2|alias]]', 'note#H1#H2'],
    ['[[folder/神经网络#基本模型]]', 'folder/神经网络#基本模型'],
    ['[[#^id]]', '#^id'],
    ['![[a#b]]', 'a#b'],
  ])('%s → %s', (text, expected) => {
    expect(linkTextOf(parsed(text))).toBe(expected);
  });
});

describe('findWikiLinks', () => {
  it('finds each link with its offsets, skipping malformed ones', () => {
    const text = 'context: "[[神经网络#基本模型]]" see ![[img.png]], [[]], [[n#^bad id]] and [[代数学|代]]';
    const found = findWikiLinks(text);
    expect(found.map((f) => [f.link.raw, text.slice(f.start, f.end)])).toEqual([
      ['[[神经网络#基本模型]]', '[[神经网络#基本模型]]'],
      ['![[img.png]]', '![[img.png]]'],
      ['[[代数学|代]]', '[[代数学|代]]'],
    ]);
    expect(found[2].link.alias).toBe('代');
  });

  it('finds nothing in plain text or across lines', () => {
    expect(findWikiLinks('no links here')).toEqual([]);
    expect(findWikiLinks('[[a\nb]]')).toEqual([]);
  });

  it('takes the innermost link in nested brackets', () => {
    expect(findWikiLinks('[[a [[b]] c]]').map((f) => f.link.target)).toEqual(['b']);
  });
});
