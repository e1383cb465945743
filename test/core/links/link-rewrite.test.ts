import { describe, expect, it } from 'vitest';
import { retargetLinks, rewriteBlockLinks } from '../../../src/core/links/link-rewrite';

const NOTE = [
  '# 激活函数',
  '见 [[神经网络#基本模型]]。',
  '```activation',
  'functions: Sigmoid',
  'context: [[神经网络#基本模型]], [[神经网络|NN]]',
  'caption: 见 [[神经网络#反向传播]] 与 [[代数学]]',
  '```',
  '',
  '```activation',
  'context: [[神经网络]]',
  '```',
].join('\n');
const FIRST_BLOCK = { text: NOTE, lineStart: 2, lineEnd: 6 };

describe('retargeting links', () => {
  it('changes only the target, keeping headings, block ids, aliases and embeds as typed', () => {
    expect(retargetLinks('[[a#H1#H2]] [[a|x]] ![[a#^id]] [[a]] [[ab]] [[b#a]]', 'a', 'New/c')).toBe(
      '[[New/c#H1#H2]] [[New/c|x]] ![[New/c#^id]] [[New/c]] [[ab]] [[b#a]]',
    );
  });

  it('leaves malformed links and plain text alone', () => {
    expect(retargetLinks('a [[a]] [a] [[a', 'a', 'b')).toBe('a [[b]] [a] [[a');
  });
});

describe('rewriting one block of a note', () => {
  it('rewrites the links of that block only (context and caption), not the note around it nor other blocks', () => {
    const out = rewriteBlockLinks(NOTE, FIRST_BLOCK, '神经网络', '深度学习/神经网络2');
    expect(out?.split('\n')).toEqual([
      '# 激活函数',
      '见 [[神经网络#基本模型]]。',
      '```activation',
      'functions: Sigmoid',
      'context: [[深度学习/神经网络2#基本模型]], [[深度学习/神经网络2|NN]]',
      'caption: 见 [[深度学习/神经网络2#反向传播]] 与 [[代数学]]',
      '```',
      '',
      '```activation',
      'context: [[神经网络]]',
      '```',
    ]);
  });

  it('writes nothing when no link of the block has that target', () => {
    expect(rewriteBlockLinks(NOTE, FIRST_BLOCK, '数学', 'x')).toBeNull();
  });

  it('writes nothing when the block changed since it was rendered (line numbers no longer trusted)', () => {
    const edited = `新的一行\n${NOTE}`;
    expect(rewriteBlockLinks(edited, FIRST_BLOCK, '神经网络', 'x')).toBeNull();
    expect(rewriteBlockLinks(NOTE.split('\n').slice(0, 3).join('\n'), FIRST_BLOCK, '神经网络', 'x')).toBeNull();
  });

  it('keeps CRLF line endings and a block at the end of the note', () => {
    const crlf = 'a\r\n```activation\r\ncontext: [[x]]\r\n```';
    expect(rewriteBlockLinks(crlf, { text: crlf, lineStart: 1, lineEnd: 3 }, 'x', 'y')).toBe(
      'a\r\n```activation\r\ncontext: [[y]]\r\n```',
    );
  });
});
