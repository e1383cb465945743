/** The seed note's own formulas: Sigmoid, Tanh, ReLU and PReLU recognised, only ReLU′'s typo reported. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/core/latex/check-note';
import { formulaMessage } from '../../../src/blocks/formula-message';

const md = readFileSync('test/fixtures/vault/激活函数.md', 'utf8');
const lines = md.split('\n');

describe('the seed note 激活函数.md', () => {
  // Checked inside each test, not while the file loads: mutation runs activate a mutant only while tests run.
  let found: ReturnType<typeof checkNote> = [];
  beforeEach(() => {
    found = checkNote(md);
  });

  it('recognises every formula of the Sigmoid, Tanh, ReLU and PReLU sections, and nothing else', () => {
    expect(found.map((f) => [f.notation, f.line])).toEqual([
      ['Sigmoid(x)', 20],
      ['Sigmoid′(x)', 21],
      ['Tanh(x)', 37],
      ['Tanh′(x)', 38],
      ['ReLU(x)', 49],
      ['ReLU′(x)', 50],
      ['PReLU(x)', 71],
    ]);
    // The lines are where the note writes them (1-based).
    expect(lines[19]).toContain('Sigmoid(x)&=(1+e^{-x})^{-1}');
    expect(lines[49]).toContain("ReLU'(x)&=\\begin{cases}");
    expect(lines[70]).toContain('PReLU(x)=max(0,x)+a*min(0,x)');
  });

  it('finds all of them agreeing with torch except ReLU′, undefined on (0, 1] and nothing else', () => {
    expect(found.filter((f) => f.notation !== 'ReLU′(x)').every((f) => f.verdict === 'agrees')).toBe(true);
    const relu = found.find((f) => f.notation === 'ReLU′(x)');
    expect(relu?.verdict).toBe('undefined');
    expect(relu?.comparison?.undefined).toEqual([{ from: 0, to: 1, fromOpen: true, toOpen: false }]);
    expect(relu?.comparison?.differs).toEqual([]);
    // At the kink both say 0: reported side by side, not as an error.
    expect(relu?.comparison?.conventions).toEqual([{ x: 0, note: 0, torch: 0 }]);
    expect(formulaMessage(relu!, 'en', [-6, 6])).toBe(
      'ReLU′(x) is undefined on (0, 1]: no case applies there; at x = 0: the note gives 0, ' +
        "torch 0 (a convention); matches the derivative of the note's ReLU(x) wherever it is defined",
    );
    expect(formulaMessage(relu!, 'zh', [-6, 6])).toBe(
      'ReLU′(x) 在 (0, 1] 上无定义：没有任何一段适用；在 x = 0 处：笔记取 0，torch 取 0（约定）；在有定义处与笔记中 ReLU(x) 的导数一致',
    );
  });

  it("finds each stated f′ consistent with the derivative of the note's own f", () => {
    for (const f of found.filter((g) => g.order === 1)) expect(f.own?.differs).toEqual([]);
  });

  it('leaves the linear-algebra formulas (H = XW¹ + b¹, T(α₁ + α₂) = …) alone', () => {
    expect(found.every((f) => f.line >= 18)).toBe(true);
  });
});
