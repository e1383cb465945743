/** What a block with mistakes shows: every problem at once, and a chart drawn anyway when only optional keys are wrong. */
import { afterEach, describe, expect, it } from 'vitest';
import { blockHarness, drawnCanvases } from './support/plugin-host';

const harness = blockHarness('seed', 'problems.md');
afterEach(() => harness.cleanup());

describe('problems in a block, through the built main.js', () => {
  it('lists every problem of a broken block, each with its line quoted', async () => {
    const root = await harness.render('```activation\nfunctions: Sigmod, Tahn\nsamples: 9000\nx: [5, -5]\n```\n');
    const items = [...root.querySelectorAll('.activation-lab-error li')];
    expect(items.map((li) => li.querySelector('.activation-lab-error-message')?.textContent)).toEqual([
      "Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?",
      "Line 1: unknown activation function 'Tahn'. Did you mean 'Tanh'?",
      'Line 2: samples: 9000 is out of range; allowed from 2 to 5000 — using the default, 400',
      "Line 3: x: '[5, -5]' is not a valid range; write [a, b] with a < b, e.g. [-6, 6] — using the default, [-6, 6]",
    ]);
    expect(items.map((li) => li.querySelector('.activation-lab-error-line')?.textContent)).toEqual([
      '1 | functions: Sigmod, Tahn',
      '1 | functions: Sigmod, Tahn',
      '2 | samples: 9000',
      '3 | x: [5, -5]',
    ]);
    expect(root.querySelector('canvas')).toBeNull();
  });

  it('draws a block whose optional key is misspelt, with a warning line above the chart', async () => {
    const root = await harness.render('```activation\nfunctions: ReLU\ntitel: My chart\nderivative: maybe\n```\n');
    await drawnCanvases(root);
    expect(root.querySelector('.activation-lab-error')).toBeNull();
    const warnings = [...root.querySelectorAll('.activation-lab-warning li')].map((li) => li.textContent);
    expect(warnings).toEqual([
      "Line 2: unknown key 'titel'. Did you mean 'title'? Allowed keys: functions, define, derivative, x, y, samples, sliders, overlays, properties, formulas, title, caption, context, height — ignored",
      "Line 3: derivative: 'maybe' is not true or false; write true/false, yes/no or on/off — using the default, true",
    ]);
    const block = root.querySelector('.activation-lab-block') as HTMLElement;
    expect(block.firstElementChild?.classList.contains('activation-lab-warning')).toBe(true);
    expect(root.querySelectorAll('.activation-lab-legend li')[1]?.textContent).toBe('solid: f(x)');
  });

  it("accepts torch.nn.init's kaiming_normal in a gradient-flow block", async () => {
    const root = await harness.render('```gradient-flow\ninit: kaiming_normal\ndepth: 5\n```\n');
    await drawnCanvases(root);
    expect(root.querySelector('.activation-lab-warning, .activation-lab-error')).toBeNull();
    expect(root.querySelector<HTMLSelectElement>('select')?.value).toBe('he_normal');
  });
});
