/** The hostile corpus itself: big enough, every category of the issue, every language, payloads where the issue puts them. */
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { CATEGORIES, genericHostileBlocks, HOSTILE_CORPUS } from './corpus';
import { fenced, PAYLOADS } from './payloads';
import { KNOWN_LANGUAGES } from './vocabulary';

describe('hostile corpus', () => {
  it('holds at least 60 blocks with unique names', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CORPUS.map((b) => b.name)).size).toBe(HOSTILE_CORPUS.length);
  });

  it.each(KNOWN_LANGUAGES)('covers %s in every generic category', (language) => {
    const categories = new Set(HOSTILE_CORPUS.filter((b) => b.language === language).map((b) => b.category));
    for (const c of new Set(genericHostileBlocks(language).map((b) => b.category))) expect(categories).toContain(c);
  });

  it('covers every category the issue lists', () => {
    const seen = new Set(HOSTILE_CORPUS.map((b) => b.category));
    expect([...CATEGORIES].filter((c) => !seen.has(c))).toEqual([]);
  });

  it('has generic blocks for every registered kind, including kinds it does not know by name', () => {
    for (const { language } of BLOCK_KINDS) expect(genericHostileBlocks(language).length).toBeGreaterThanOrEqual(40);
  });

  it('puts <img onerror>, <script> and javascript: links in title, caption and context', () => {
    for (const field of ['title', 'caption', 'context']) {
      for (const payload of [PAYLOADS.imgOnerror, PAYLOADS.script, PAYLOADS.markdownJsLink]) {
        expect(HOSTILE_CORPUS.some((b) => b.source.includes(`${field}: ${payload}`)), `${field}: ${payload}`).toBe(true);
      }
    }
  });

  it('has the sizes the issue names: an empty body, a 1 MB body, samples 0 and 1e9, depth 1e6', () => {
    expect(HOSTILE_CORPUS.some((b) => b.source === '')).toBe(true);
    expect(Math.max(...HOSTILE_CORPUS.map((b) => b.source.length))).toBeGreaterThanOrEqual(1024 * 1024);
    for (const line of ['samples: 0', 'samples: 1e9', 'depth: 1e6']) expect(HOSTILE_CORPUS.some((b) => b.source.split('\n').includes(line)), line).toBe(true);
  });

  it('fences every body so that nothing inside can close the fence', () => {
    for (const b of HOSTILE_CORPUS) {
      const note = fenced(b.language, b.source);
      const fence = /^`+/.exec(note)?.[0] ?? '';
      const closers = note.split('\n').filter((l) => new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(l));
      expect(closers, b.name).toHaveLength(1);
    }
  });
});
