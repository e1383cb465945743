/**
 * Link resolution against real Obsidian: every captured `resolveLinkToPath` (getFirstLinkpathDest of each link
 * and frontmatter link, in a vault listed by metadataCache/resolvedLinks.json), the captured notes' own heading
 * and block links, and each documented rule on a small synthetic vault.
 */
import { describe, expect, it } from 'vitest';
import type { HeadingSubpathResult } from 'obsidian';
import { loadCaptures, vaultPaths } from './captures';
import { computeCache } from './compute-cache';
import { firstLinkpathDest, getLinkpath, parseLinktext, resolveSubpath, stripHeading } from './link-resolution';

const captures = loadCaptures();
const vault = vaultPaths();

describe('firstLinkpathDest reproduces every captured resolveLinkToPath', () => {
  const cases = captures.flatMap((c) =>
    [...(c.cachedMetadata.links ?? []), ...(c.cachedMetadata.frontmatterLinks ?? [])].map(
      (l) => [`${c.name}: ${l.link}`, l.link, c.filePath, c.resolveLinkToPath[l.link]] as const,
    ),
  );
  it('covers all 78 captured links, each with an expected result', () => {
    expect(cases).toHaveLength(78);
    expect(cases.every(([, , , expected]) => expected !== undefined)).toBe(true);
  });
  it.each(cases)('%s', (_label, link, source, expected) => {
    expect(firstLinkpathDest(getLinkpath(link), source, vault)).toBe(expected);
  });
});

describe("resolveSubpath on the captured notes' own links", () => {
  const byName = new Map(captures.map((c) => [c.name, c]));
  for (const name of ['internal_heading_links', 'all_link_types', 'links_everywhere']) {
    const capture = byName.get(name)!;
    const ours = computeCache(capture.fileContents);
    const links = [...(capture.cachedMetadata.links ?? []), ...(capture.cachedMetadata.frontmatterLinks ?? [])].filter(
      (l) => l.link.startsWith('#'),
    );
    it.each(links.map((l) => [l.link, l.link] as const))(`${name}: %s`, (_label, link) => {
      const real = resolveSubpath(capture.cachedMetadata, link);
      expect(real, 'found in the real cache').not.toBeNull();
      expect(resolveSubpath(ours, link)).toEqual(real);
      const last = parseLinktext(link).subpath.split('#').filter(Boolean).pop()!;
      if (real!.type === 'heading') expect(stripHeading(real!.current.heading)).toBe(stripHeading(last));
      else expect(real!.block.id).toBe(last.slice(1));
    });
  }

  it('all_link_types: #heading#sub-heading is the sub-heading, running to the end of the note', () => {
    const c = byName.get('all_link_types')!;
    const r = resolveSubpath(c.cachedMetadata, '#heading#sub-heading') as HeadingSubpathResult;
    expect(r.current.heading).toBe('sub-heading');
    expect(r.next).toBeUndefined();
    expect(r.end).toBeNull();
    expect(c.fileContents.slice(r.start.offset)).toBe('### sub-heading\n\nblock ^block\n');
  });

  it('all_link_types: #^block is the paragraph ending in ^block', () => {
    const c = byName.get('all_link_types')!;
    const r = resolveSubpath(c.cachedMetadata, '#^block');
    expect(r?.type).toBe('block');
    expect(c.fileContents.slice(r!.start.offset, r!.end!.offset)).toBe('block ^block');
  });

  it('internal_heading_links: #Simple Headers ends where ## Another Header starts', () => {
    const c = byName.get('internal_heading_links')!;
    const r = resolveSubpath(c.cachedMetadata, '#Simple Headers') as HeadingSubpathResult;
    expect(r.next.heading).toBe('Another Header');
    expect(c.fileContents.slice(r.start.offset, r.end!.offset)).toBe('## Simple Headers\n\n');
  });
});

describe('parseLinktext / getLinkpath', () => {
  it.each([
    ['note', 'note', ''],
    ['note#H1#H2', 'note', '#H1#H2'],
    ['#^block', '', '#^block'],
    ['folder/神经网络#基本模型', 'folder/神经网络', '#基本模型'],
    ['pa#th/path/x', 'pa', '#th/path/x'],
    ['|alias', '|alias', ''],
  ])('%s', (text, path, subpath) => {
    expect(parseLinktext(text)).toEqual({ path, subpath });
    expect(getLinkpath(text)).toBe(path);
  });
});

describe('firstLinkpathDest rules on a synthetic vault', () => {
  const paths = [
    'top.md',
    'x/top.md',
    'x/a.md',
    'x/y/a.md',
    'z/a.md',
    'x/b.md',
    'img/p.png',
    'x/y/c.md',
    'C.md',
    'd.md.md',
  ];
  it.each<[string, string, string | null, string]>([
    ['', 'x/b.md', 'x/b.md', 'empty linkpath → the source note'],
    ['a', 'x/b.md', 'x/a.md', 'basename: the one in the source folder wins'],
    ['a', 'z/q.md', 'z/a.md', 'basename: source folder again'],
    ['a', 'x/y/c.md', 'x/y/a.md', 'basename: source folder, deeper'],
    ['top', 'x/b.md', 'top.md', 'an exact path match beats the source folder'],
    ['x/top', 'z/q.md', 'x/top.md', 'exact folder path'],
    ['y/a', 'z/q.md', 'x/y/a.md', 'folder/name matches by path suffix'],
    ['X/Y/A', 'z/q.md', 'x/y/a.md', 'suffix match ignores case'],
    ['c', 'z/q.md', 'C.md', 'basename ignores case'],
    ['a.md', 'x/b.md', 'x/a.md', 'explicit .md'],
    ['p.png', 'x/b.md', 'img/p.png', 'attachments by full name'],
    ['p', 'x/b.md', null, 'attachments need their extension'],
    ['./a', 'x/y/c.md', 'x/y/a.md', './ is relative to the source folder'],
    ['../a', 'x/y/c.md', 'x/a.md', '../ goes up from the source folder'],
    ['/x/b', 'z/q.md', 'x/b.md', 'a leading / is the vault root'],
    ['d.md', 'z/q.md', 'd.md.md', 'the .md form is tried too'],
    ['missing', 'x/b.md', null, 'no candidate → null'],
    ['y', 'x/b.md', null, 'folders are not files'],
  ])('%s from %s → %s (%s)', (linkpath, source, expected) => {
    expect(firstLinkpathDest(linkpath, source, paths)).toBe(expected);
  });
  it('prefers the shortest path when no candidate shares the source folder', () => {
    expect(firstLinkpathDest('a', 'q/r.md', ['long/folder/a.md', 'mid/a.md'])).toBe('mid/a.md');
  });
});

describe('resolveSubpath rules', () => {
  const cache = computeCache(
    '# T\n\n## A: one\n\ntext\n\n### Sub\n\nsub\n\n## B\n\n### Sub\n\nb sub\n\n# 中文：标题\n\nx ^blk\n',
  );
  it('ignores case and ASCII punctuation, shrinks spaces', () => {
    expect((resolveSubpath(cache, '#a  ONE') as HeadingSubpathResult).current.heading).toBe('A: one');
  });
  it('keeps Chinese text and punctuation literal', () => {
    expect((resolveSubpath(cache, '#中文：标题') as HeadingSubpathResult).current.heading).toBe('中文：标题');
    expect(resolveSubpath(cache, '#中文:标题')).toBeNull();
  });
  it('takes the first match in document order', () => {
    expect((resolveSubpath(cache, '#Sub') as HeadingSubpathResult).current.position.start.line).toBe(6);
  });
  it('follows chains: each part after the previous and deeper', () => {
    expect((resolveSubpath(cache, '#B#Sub') as HeadingSubpathResult).current.position.start.line).toBe(12);
    expect((resolveSubpath(cache, '#T#B#Sub') as HeadingSubpathResult).current.position.start.line).toBe(12);
    expect(resolveSubpath(cache, '#Sub#B')).toBeNull();
    expect(resolveSubpath(cache, '#B#T')).toBeNull();
  });
  it('ends at the next heading of the same or a higher level', () => {
    const r = resolveSubpath(cache, '#B') as HeadingSubpathResult;
    expect(r.next.heading).toBe('中文：标题');
    expect(r.end).toEqual(r.next.position.start);
  });
  it('finds blocks, ignoring case; unknown ids and headings give null', () => {
    expect(resolveSubpath(cache, '#^BLK')?.type).toBe('block');
    expect(resolveSubpath(cache, '#^nope')).toBeNull();
    expect(resolveSubpath(cache, '#nope')).toBeNull();
    expect(resolveSubpath(cache, '')).toBeNull();
  });
});
