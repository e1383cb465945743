/** The example vault: the seed notes verbatim, annotated with our blocks under the sections they illustrate. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { activationBlock } from '../../src/blocks/activation';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { FIXTURES } from '../helpers/reference';

const vault = fileURLToPath(new URL('../../examples/vault', import.meta.url));
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const note = read(vault, '激活函数.md');
/** One of our blocks with the blank line inserted before it (the one after it stays, or the note ends). */
const BLOCK = /\n\n```(activation|gradient-flow|dead-relu|zero-centered|nonlinearity)\n([\s\S]*?)\n```\n(?=\n|$)/g;
const blocks = [...note.matchAll(BLOCK)].map((m) => ({ language: m[1], body: m[2], at: m.index ?? 0 }));

describe('examples/vault', () => {
  it("keeps the author's text verbatim: without our blocks the seed note is unchanged", () => {
    expect(note.replace(BLOCK, '')).toBe(read(join(FIXTURES, 'vault'), '激活函数.md'));
  });

  it('copies the linked notes unchanged and enables the plugin', () => {
    for (const name of ['神经网络.md', '代数学.md'])
      expect(read(vault, name)).toBe(read(join(FIXTURES, 'vault'), name));
    expect(JSON.parse(read(join(vault, '.obsidian'), 'community-plugins.json'))).toEqual(['activation-lab']);
  });

  it('puts each demo under the passage that explains it', () => {
    const after = (language: string, passage: string) => {
      const block = blocks.find((b) => b.language === language);
      const text = note.indexOf(passage) + passage.length;
      expect(text).toBeGreaterThan(passage.length);
      const between = block ? note.slice(text, block.at) : '';
      expect({
        language,
        follows: block !== undefined && block.at > text && !between.includes('\n##') && !between.includes('💡'),
      }).toEqual({ language, follows: true });
    };
    after('gradient-flow', '为什么Sigmoid会导致梯度消失');
    after('zero-centered', '为什么输出需要以0为中心？');
    after('dead-relu', '💡**Dead ReLU**');
    after('nonlinearity', '为什么需要激活函数？');
    // The histograms with a raised gain sit with the saturation passage too, and the Sigmoid chart has its table.
    const histograms = blocks.find((b) => b.body.includes('view: histograms'));
    expect(note.slice(note.indexOf('为什么Sigmoid会导致梯度消失'), histograms?.at)).not.toContain('💡');
    expect(blocks.find((b) => b.body.includes('functions: Sigmoid\n'))?.body).toContain('properties: true');
    for (const section of ['## Sigmoid', '## Tanh', '## ReLU', '## PReLU']) {
      const start = note.indexOf(section);
      const end = note.indexOf('\n## ', start + 1);
      expect(
        blocks.some((b) => b.language === 'activation' && b.at > start && (end < 0 || b.at < end)),
        section,
      ).toBe(true);
    }
  });

  it('every block of a registered kind parses (unregistered kinds render as code until they land)', () => {
    const env = { settings: { ...DEFAULT_SETTINGS }, lang: 'zh' as const };
    expect(blocks.length).toBe(12);
    for (const b of blocks) {
      const kind = BLOCK_KINDS.find((k) => k.language === b.language);
      if (kind) expect({ body: b.body, parsed: kind.parse(b.body, env).ok }).toEqual({ body: b.body, parsed: true });
    }
    expect(
      blocks.some((b) => b.body.includes('context: [[神经网络#基本模型]]') && b.body.includes('[[代数学#线性变换]]')),
    ).toBe(true);
  });

  it("the PReLU section draws the note's own formula beside torch's PReLU, and they agree away from 0", () => {
    const start = note.indexOf('## PReLU');
    const block = blocks.find((b) => b.at > start && b.body.includes('define:'));
    const parsed = block && activationBlock.parse(block.body, { settings: { ...DEFAULT_SETTINGS }, lang: 'zh' });
    if (!parsed?.ok) throw new Error('the PReLU comparison block does not parse');
    const [torch, mine] = parsed.value.functions.map((a) => ({ name: a.spec.name, ...a.spec.bind(a.params) }));
    expect([torch.name, mine.name]).toEqual(['PReLU', 'prelu_formula']);
    for (const x of [-2, -0.5, 0.5, 2]) expect([mine.f(x), mine.df(x)]).toEqual([torch.f(x), torch.df(x)]);
    // At 0, the caption's claim: torch takes a, the formula's autograd (1 + a)/2.
    expect([torch.df(0), mine.df(0)]).toEqual([0.25, 0.625]);
  });
});
