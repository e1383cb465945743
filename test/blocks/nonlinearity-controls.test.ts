/**
 * The ```nonlinearity block's pure parts (its drawing is left to its own tests): the step slider and its guard,
 * new data, `Identity` among the activations, and the waiting frame.
 */
import { describe, expect, it } from 'vitest';
import { nonlinearityBlock } from '../../src/blocks/nonlinearity';
import { env, parseOk } from './fixtures';

const stateOf = (source: string) => nonlinearityBlock.init(parseOk(nonlinearityBlock, source), env());

describe('```nonlinearity controls', () => {
  const s = stateOf('activations: ReLU\nsteps: 20');

  it('a step slider over the training and a new-data button', () => {
    expect(nonlinearityBlock.placeholder!(s, env()).controls).toEqual([
      { kind: 'slider', id: 'step', label: 'training step', min: 0, max: 20, step: 1, value: s.step },
      { kind: 'button', id: 'seed', label: 'new data' },
    ]);
  });

  it('takes a step in [0, steps], rounded; anything else changes nothing', () => {
    const c = (id: string, value: number | string) => nonlinearityBlock.control(s, id, value);
    expect(c('step', 0).step).toBe(0);
    // The slider starts at the end: move it first, then back to the last step.
    expect(nonlinearityBlock.control(c('step', 3), 'step', 20).step).toBe(20);
    expect(c('step', 7.4).step).toBe(7);
    expect(c('step', -1)).toBe(s);
    expect(c('step', 21)).toBe(s);
    expect(c('step', '5')).toBe(s);
    expect(c('other', 5)).toBe(s);
    expect(c('seed', 0).seed).toBe(s.seed + 1);
  });
});

describe('```nonlinearity activations', () => {
  it('reads Identity (any case) as no activation, in place among the others', () => {
    const o = parseOk(nonlinearityBlock, 'activations: identity, ReLU, IDENTITY , Tanh');
    expect(o.activations.map((a) => a.spec.name)).toEqual(['Identity', 'ReLU', 'Identity', 'Tanh']);
    expect(parseOk(nonlinearityBlock, 'activations: Identity').activations.map((a) => a.spec.name)).toEqual([
      'Identity',
    ]);
  });

  it('names the activations line in a problem of the list', () => {
    const r = nonlinearityBlock.parse('steps: 20\nactivations: Identity, Nope', env());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'unknownActivation', line: 2 });
  });
});
