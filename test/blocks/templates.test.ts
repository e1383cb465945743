import { describe, expect, it } from 'vitest';
import { activationNames } from '../../src/core/activations';
import { BLOCK_KINDS } from '../../src/blocks';
import {
  activationCall,
  activationTemplate,
  exampleBlock,
  expressionTemplate,
  insertionAt,
} from '../../src/blocks/templates';
import { activationBlock } from '../../src/blocks/activation';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const env = { settings: { ...DEFAULT_SETTINGS }, lang: 'en' as const };
const demoTemplate = (language: string) =>
  exampleBlock(BLOCK_KINDS.find((k) => k.language === language) ?? BLOCK_KINDS[0]);
const body = (block: string) => block.split('\n').slice(1, -2).join('\n');

describe('block templates', () => {
  it('inserts a fenced ```activation block for a name', () => {
    expect(activationTemplate('Sigmoid')).toBe('```activation\nfunctions: Sigmoid\n```\n');
    expect(activationTemplate('leaky_relu')).toBe('```activation\nfunctions: LeakyReLU\n```\n');
  });

  it('fills parameters torch requires, so the inserted block draws', () => {
    expect(activationCall('Threshold')).toBe('Threshold(threshold=1, value=-1)');
  });

  it('every activation the picker offers gives a block the activation kind accepts', () => {
    const kind = BLOCK_KINDS.find((k) => k.language === 'activation');
    for (const name of activationNames()) {
      const parsed = kind?.parse(body(activationTemplate(name)), env);
      expect({ name, ok: parsed?.ok }).toEqual({ name, ok: true });
    }
  });

  it('the expression entry inserts a definition the activation kind accepts, with a slider for beta', () => {
    const parsed = activationBlock.parse(body(expressionTemplate()), env);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.value.functions.map((f) => [f.spec.name, f.params])).toEqual([
      ['SiLU', {}],
      ['swish', { beta: 1.5 }],
    ]);
  });

  it('the demos are the documented defaults, and parse wherever their kind is registered', () => {
    expect(demoTemplate('gradient-flow')).toBe(
      '```gradient-flow\nactivations: Sigmoid, Tanh, ReLU\ndepth: 20\nwidth: 32\n```\n',
    );
    expect(demoTemplate('dead-relu')).toBe(
      '```dead-relu\nactivations: ReLU, LeakyReLU\nlr: 0.01, 0.1\nsteps: 60\n```\n',
    );
    expect(demoTemplate('zero-centered')).toBe('```zero-centered\ninputs: Sigmoid, Tanh\n```\n');
  });

  it('every kind with an insert command inserts a block its own parser accepts', () => {
    const inserting = BLOCK_KINDS.filter((k) => k.insert);
    expect(inserting.length).toBeGreaterThanOrEqual(3);
    for (const kind of inserting) {
      const parsed = kind.parse(body(exampleBlock(kind)), env);
      expect({ kind: kind.language, ok: parsed.ok, warnings: parsed.ok ? (parsed.value.warnings ?? []) : [] }).toEqual({
        kind: kind.language,
        ok: true,
        warnings: [],
      });
    }
  });

  it('starts the block on a line of its own', () => {
    const block = demoTemplate('gradient-flow');
    expect(insertionAt(block, '')).toBe(block);
    expect(insertionAt(block, '   ')).toBe(block);
    expect(insertionAt(block, 'Some text')).toBe('\n' + block);
  });
});

describe('template edge cases', () => {
  it('passes an unknown name through as written', () => {
    expect(activationCall('NotAFunction')).toBe('NotAFunction');
  });

  it('the expression template is an ```activation block', () => {
    expect(expressionTemplate().split('\n')[0]).toBe('```activation');
  });

  it('a kind without an insert command gives an empty block of its language', () => {
    expect(exampleBlock(activationBlock as never)).toBe('```activation\n```\n');
  });
});
