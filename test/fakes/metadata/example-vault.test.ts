/**
 * The example vault (test/fixtures/vault: 激活函数.md, 神经网络.md, 代数学.md): the links our code blocks use resolve to
 * the right notes and slice the right text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/reference';
import { FakeVault } from './vault';

const vault = FakeVault.fromFolder(join(FIXTURES, 'vault'));

const resolved = (linktext: string, source: string): { path: string; text: string } => {
  const r = vault.resolveText(linktext, source);
  if (!r.ok) throw new Error(`${linktext}: missing ${r.missing} ${r.what}`);
  return r;
};

describe('test/fixtures/vault', () => {
  it('[[神经网络#基本模型]] from 激活函数.md: the section with its ### subsection, not the next ##', () => {
    const r = resolved('神经网络#基本模型', '激活函数.md');
    expect(r.path).toBe('神经网络.md');
    expect(r.text.startsWith('## 基本模型\n')).toBe(true);
    expect(r.text).toContain('最简单的单隐藏层神经网络');
    expect(r.text).toContain('### 参数规模');
    expect(r.text).not.toContain('## 反向传播');
  });

  it('[[代数学#线性变换]]: the linear-transformation text, not ## 矩阵', () => {
    const r = resolved('代数学#线性变换', '激活函数.md');
    expect(r.path).toBe('代数学.md');
    expect(r.text).toContain('线性变换');
    expect(r.text).toContain('可加性');
    expect(r.text).toContain('^composition');
    expect(r.text).not.toContain('## 矩阵');
  });

  it('[[神经网络#^bp-chain]]: exactly that two-line paragraph', () => {
    const r = resolved('神经网络#^bp-chain', '激活函数.md');
    expect(r.text).toBe(
      '训练使用 BP 算法：根据链式法则，从输出层向输入层逐层计算梯度。\n' +
        '第 $l$ 层的梯度是其后各层雅可比矩阵的乘积，因此激活函数导数的大小直接决定梯度能否传到浅层。 ^bp-chain',
    );
  });

  it('every link in the vault notes resolves, to an existing note and heading', () => {
    for (const source of vault.paths()) {
      for (const link of vault.cache(source).links ?? []) {
        expect(vault.resolveText(link.link, source).ok, `${source}: ${link.original}`).toBe(true);
      }
    }
  });

  it('sees the links inside the quote of 激活函数.md, including those after display math', () => {
    expect(vault.cache('激活函数.md').links!.map((l) => l.link)).toEqual([
      '神经网络#基本模型',
      '代数学#线性变换',
      '神经网络#基本模型',
      '代数学#线性变换',
    ]);
  });
});
