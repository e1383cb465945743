import { describe, expect, it } from 'vitest';
import {
  MAX_CONTEXT_DEPTH,
  nestDecision,
  stripBlockId,
  stripFrontmatter,
  truncateText,
} from '../../../src/core/links/context-links';

describe('nesting guard', () => {
  it('renders top-level content and hands the chain down', () => {
    expect(nestDecision([], 'B.md')).toEqual({ render: true, chain: ['B.md'] });
    expect(nestDecision(['B.md'], 'C.md')).toEqual({ render: true, chain: ['B.md', 'C.md'] });
  });

  it('stops a cycle: content already shown around the block', () => {
    expect(nestDecision(['Loop/B.md'], 'Loop/B.md')).toEqual({ render: false, reason: 'cycle' });
    // A block in Self showing [[Self]] (or [[#Self]]): the first panel renders; the copy of the block inside it stops,
    // whichever section of Self it links to.
    const first = nestDecision([], 'Loop/Self.md');
    expect(first.render).toBe(true);
    if (first.render) expect(nestDecision(first.chain, 'Loop/Self.md')).toEqual({ render: false, reason: 'cycle' });
  });

  it('A → B → A … terminates within MAX_CONTEXT_DEPTH levels, whatever the links', () => {
    // Simulate blocks whose content always links to the other note (and itself): count how deep rendering goes.
    const depthReached = (links: (note: string) => string[]): number => {
      let deepest = 0;
      const visit = (chain: readonly string[], note: string): void => {
        for (const target of links(note)) {
          const d = nestDecision(chain, target);
          if (!d.render) continue;
          deepest = Math.max(deepest, d.chain.length);
          visit(d.chain, target);
        }
      };
      visit([], 'A.md');
      return deepest;
    };
    expect(depthReached((n) => [n === 'A.md' ? 'B.md' : 'A.md'])).toBe(MAX_CONTEXT_DEPTH);
    expect(depthReached((n) => [n])).toBe(1);
    expect(depthReached(() => ['A.md', 'B.md', 'C.md'])).toBeLessThanOrEqual(MAX_CONTEXT_DEPTH);
    expect(MAX_CONTEXT_DEPTH).toBe(2);
  });

  it('a block already at the depth limit shows nothing more, even new content', () => {
    expect(nestDecision(['A.md', 'B.md'], 'C.md')).toEqual({ render: false, reason: 'depth' });
    expect(nestDecision(['A.md'], 'C.md', 1)).toEqual({ render: false, reason: 'depth' });
  });
});

describe('truncation of huge targets', () => {
  it('keeps small texts whole', () => {
    expect(truncateText('abc', 10)).toEqual({ text: 'abc', truncated: false, total: 3 });
  });

  it('cuts at the limit, back to a line break in the last fifth', () => {
    const text = `${'a'.repeat(90)}\n${'b'.repeat(100)}`;
    expect(truncateText(text, 100)).toEqual({ text: 'a'.repeat(90), truncated: true, total: 191 });
    const flat = 'x'.repeat(300);
    expect(truncateText(flat, 100).text).toHaveLength(100);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(99)}😀tail`;
    const cut = truncateText(text, 100);
    expect(cut.text).toBe('a'.repeat(99));
    expect(cut.truncated).toBe(true);
  });

  it('defaults to 20 000 characters', () => {
    expect(truncateText('z'.repeat(20_000)).truncated).toBe(false);
    expect(truncateText('z'.repeat(20_001))).toMatchObject({ truncated: true, total: 20_001 });
  });
});

describe('shown text', () => {
  it('drops the ^id of the referenced block only', () => {
    expect(stripBlockId('Two-line paragraph,\nsecond line ends with the id. ^two-lines', 'two-lines')).toBe(
      'Two-line paragraph,\nsecond line ends with the id.',
    );
    expect(stripBlockId('- second item with an id ^item-2', 'ITEM-2')).toBe('- second item with an id');
    expect(stripBlockId('see ^other here', 'other')).toBe('see ^other here');
  });

  it('strips YAML frontmatter when the cache cannot say where it ends', () => {
    expect(stripFrontmatter('---\ntags: [a]\n---\n# Title\n')).toBe('# Title\n');
    expect(stripFrontmatter('---\n---\nbody')).toBe('body');
    expect(stripFrontmatter('# No frontmatter\n---\n')).toBe('# No frontmatter\n---\n');
  });
});
