/** The commands of the built plugin: insert blocks at the cursor (fake Editor), the picker, re-render. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { activationTemplate, exampleBlock, expressionTemplate } from '../../src/blocks/templates';
import type { Host } from '../fakes/host';
import { Component, MarkdownRenderer, Notice } from '../fakes/obsidian';
import { drawnCanvases, openEditor, showNote, startPlugin, teardown } from './support/plugin-host';

/** The block the insert command of kind `language` puts into a note. */
const demoTemplate = (language: string) =>
  exampleBlock(BLOCK_KINDS.find((k) => k.language === language) ?? BLOCK_KINDS[0]);

let host: Host | null = null;
let view: Component | null = null;

afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
});

async function editorOn(text: string, cursor: { line: number; ch: number }, language = 'en') {
  host = (await startPlugin({ files: { 'Note.md': text }, language })).host;
  const editor = openEditor(host, 'Note.md').editor;
  editor.setCursor(cursor);
  return editor;
}

describe('commands', () => {
  it('registers seven commands, ids free of the plugin id, no default hotkeys', async () => {
    await editorOn('', { line: 0, ch: 0 });
    const commands = Object.values(host?.app.commands.commands ?? {});
    expect(commands.map((c) => c.id).sort()).toEqual([
      'activation-lab:check-formulas',
      'activation-lab:insert-activation-chart',
      'activation-lab:insert-dead-relu-demo',
      'activation-lab:insert-gradient-flow-demo',
      'activation-lab:insert-nonlinearity-demo',
      'activation-lab:insert-zero-centered-demo',
      'activation-lab:rerender-charts',
    ]);
    expect(commands.every((c) => c.hotkeys === undefined)).toBe(true);
    expect(commands.map((c) => c.name).sort()).toEqual([
      'Activation Lab: Check formulas in this note',
      'Activation Lab: Insert activation chart',
      'Activation Lab: Insert dead ReLU demo',
      'Activation Lab: Insert gradient-flow demo',
      'Activation Lab: Insert nonlinearity demo',
      'Activation Lab: Insert zero-centred demo',
      'Activation Lab: Re-render charts in this note',
    ]);
  });

  it.each([
    ['insert-gradient-flow-demo', 'gradient-flow'],
    ['insert-dead-relu-demo', 'dead-relu'],
    ['insert-zero-centered-demo', 'zero-centered'],
    ['insert-nonlinearity-demo', 'nonlinearity'],
  ] as const)('%s inserts the default %s block at the cursor', async (id, kind) => {
    const editor = await editorOn('# Title\n\nafter', { line: 1, ch: 0 });
    expect(host?.runCommand(`activation-lab:${id}`)).toBe(true);
    expect(editor.getValue()).toBe(`# Title\n${demoTemplate(kind)}\nafter`);
    expect(editor.getCursor()).toEqual({ line: demoTemplate(kind).split('\n').length, ch: 0 });
    expect(host?.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('starts the block on a new line after text, replacing a selection', async () => {
    const editor = await editorOn('see: XXX', { line: 0, ch: 5 });
    editor.setSelection({ line: 0, ch: 5 }, { line: 0, ch: 8 });
    host?.runCommand('activation-lab:insert-gradient-flow-demo');
    expect(editor.getValue()).toBe(`see: \n${demoTemplate('gradient-flow')}`);
  });

  it('"Insert activation chart" asks which function, then inserts its block', async () => {
    const editor = await editorOn('a\n', { line: 1, ch: 0 });
    host?.runCommand('activation-lab:insert-activation-chart');
    const input = document.body.querySelector<HTMLInputElement>('.modal-container .prompt-input') as HTMLInputElement;
    expect(input.getAttribute('placeholder')).toBe('Choose an activation function');
    input.value = 'lrelu';
    input.dispatchEvent(new Event('input'));
    const item = await vi.waitFor(() => {
      const first = document.body.querySelector<HTMLElement>('.suggestion-item');
      expect(first?.textContent).toBe('LeakyReLU');
      return first as HTMLElement;
    });
    item.click();
    expect(document.body.querySelector('.modal-container')).toBeNull();
    expect(editor.getValue()).toBe(`a\n${activationTemplate('LeakyReLU')}`);
  });

  it('offers every activation in the picker, and an expression of your own last', async () => {
    const editor = await editorOn('', { line: 0, ch: 0 });
    host?.runCommand('activation-lab:insert-activation-chart');
    const items = await vi.waitFor(() => {
      const all = document.body.querySelectorAll<HTMLElement>('.suggestion-item');
      expect(all).toHaveLength(24);
      return all;
    });
    expect(items[23].textContent).toBe('Expression… (your own function, e.g. swish with a β slider)');
    items[23].click();
    expect(editor.getValue()).toBe(expressionTemplate());
  });

  it('"Re-render charts in this note" redraws the blocks of the active note only', async () => {
    const started = await startPlugin({
      files: { 'A.md': '```activation\nReLU\n```\n', 'B.md': '```activation\nTanh\n```\n' },
    });
    host = started.host;
    // B.md rendered elsewhere (say, an embed or a hover preview): its blocks are live but not in the active note.
    const other = { root: document.body.createDiv(), view: new Component() };
    other.root.style.width = '700px';
    other.view.load();
    await MarkdownRenderer.render(host.app, '```activation\nTanh\n```\n', other.root, 'B.md', other.view);
    const otherCanvas = (await drawnCanvases(other.root))[0];
    const shown = await showNote(host, 'A.md');
    view = shown.view;
    const before = (await drawnCanvases(shown.root))[0];
    Notice.reset();
    expect(host.runCommand('activation-lab:rerender-charts')).toBe(true);
    const after = (await drawnCanvases(shown.root))[0];
    expect(after).not.toBe(before);
    expect(other.root.querySelector('canvas')).toBe(otherCanvas);
    expect(Notice.messages).toEqual(['Charts re-rendered: 1']);
    other.view.unload();
  });

  it('is not offered without an active note', async () => {
    host = (await startPlugin({ files: {} })).host;
    expect(host.runCommand('activation-lab:rerender-charts')).toBe(false);
  });
});
