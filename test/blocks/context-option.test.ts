/** The `context` key every block kind accepts: every way people write wiki-links, and bad links named with their line. */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../src/blocks/activation';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { formatProblem } from '../../src/i18n';
import { env, parseOk, firstProblem } from './fixtures';

const contextOf = (body: string): string[] => parseOk(activationBlock, `functions: ReLU\n${body}`).context;
const problemOf = (source: string, lang: 'en' | 'zh' = 'en'): string => {
  const r = activationBlock.parse(source, env(lang));
  return formatProblem(firstProblem(r), lang);
};

describe('context: wiki-links for the block to show', () => {
  it('is empty when not given', () => {
    expect(parseOk(activationBlock, 'functions: ReLU').context).toEqual([]);
    expect(contextOf('context:')).toEqual([]);
  });

  it.each([
    ['context: [[神经网络#基本模型]]', ['[[神经网络#基本模型]]']],
    ['context: "[[神经网络#基本模型]]"', ['[[神经网络#基本模型]]']],
    ["context: '[[代数学#线性变换]]'", ['[[代数学#线性变换]]']],
    ['context: [[a]], [[b#c]]', ['[[a]]', '[[b#c]]']],
    ['context: [[a|shown text]]，[[b#^block-id]]', ['[[a|shown text]]', '[[b#^block-id]]']],
    ['context: ["[[a]]", "[[b]]"]', ['[[a]]', '[[b]]']],
    ['context: [[[a]], [[b#c]]]', ['[[a]]', '[[b#c]]']],
    [
      'context:\n  - [[神经网络#基本模型]]\n  - "[[folder/note#H1#H2]]"',
      ['[[神经网络#基本模型]]', '[[folder/note#H1#H2]]'],
    ],
    ['context: [[Headings#Setup: Step 1, draft]]', ['[[Headings#Setup: Step 1, draft]]']],
    ['context: ![[embed]]', ['![[embed]]']],
    ['context: [[#Same note heading]]', ['[[#Same note heading]]']],
  ])('%s', (body, links) => {
    expect(contextOf(body)).toEqual(links);
  });

  it('flows into every block kind', () => {
    expect(parseOk(gradientFlowBlock, 'activations: ReLU\ncontext: [[x]]').context).toEqual(['[[x]]']);
    const r = gradientFlowBlock.parse('activations: ReLU\ncontext: x', env());
    expect(r.ok ? r.value.warnings : null).toEqual([{ code: 'badLink', args: { value: 'x' }, line: 2 }]);
  });

  it.each([
    ['functions: ReLU\ncontext: 神经网络', 2, '神经网络'],
    ['functions: ReLU\ntitle: t\ncontext: [[a]], b', 3, 'b'],
    ['functions: ReLU\ncontext: [[]]', 2, '[[]]'],
    ['functions: ReLU\ncontext: [[a#^bad id]]', 2, '[[a#^bad id]]'],
    ['functions: ReLU\ncontext:\n  - [[a]]\n  - [[b]] [[c]]', 2, '[[b]] [[c]]'],
  ])('a bad link is a warning on its line, and the chart draws without context panels: %s', (source, line, value) => {
    const r = activationBlock.parse(source, env());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.context).toEqual([]);
    expect(r.value.warnings).toEqual([{ code: 'badLink', args: { value }, line }]);
  });

  it("says what is wrong in the reader's language", () => {
    expect(problemOf('functions: ReLU\ncontext: 神经网络')).toBe(
      "Line 2: '神经网络' is not a valid wiki-link; write [[Note]] or [[Note#Heading]]",
    );
    expect(problemOf('functions: ReLU\ncontext: 神经网络', 'zh')).toContain("第 2 行：'神经网络' 不是有效的双链");
  });

  it('takes at most 8 links', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `[[n${i}]]`).join(', ');
    expect(problemOf(`functions: ReLU\ncontext: ${nine}`)).toMatch(/^Line 2: context/);
  });
});
