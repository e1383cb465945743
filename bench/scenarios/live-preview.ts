/**
 * Live Preview typing: Obsidian re-renders a code block on every edit of its source (the old render child unloaded,
 * the new source rendered into a fresh widget), so each keystroke pays a whole block. One block of each kind is
 * typed character by character through test/fakes/live-preview.ts into the page, with main.js as built. Each
 * keystroke gives two wall times from the edit (old block unloaded): the re-render, until the first frame showing
 * the new block is painted (what typing waits for: the main thread is busy or the frame is late), and, for a block
 * whose view computes in a job (the Worker), until the frame showing its final view is painted. Partial sources
 * (`functions: Re`) show their inline error, as they would while a reader types.
 */
import { BLOCK_KINDS } from '../../src/blocks';
import { LivePreviewBlock } from '../../test/fakes/live-preview';
import { openHost } from '../contenders/ours';
import { computing, nextFrame, readback, settle, untilComputed, untilDrawn } from '../probe';
import { quietStart, record, type Samples } from './timing';

/** The block typed per fence language, each at least 40 characters (one keystroke per character). */
export const LIVE_SOURCES: Record<string, string> = {
  activation: 'functions: ReLU, GELU, Tanh\nderivative: true\nx: [-4, 4]',
  'gradient-flow': 'activations: Sigmoid, ReLU\ndepth: 6\nwidth: 8\ntitle: typed',
  'dead-relu': 'activations: ReLU, LeakyReLU\nlr: 0.05\ntitle: typed live',
  'zero-centered': 'inputs: Sigmoid, Tanh\ntitle: typed in Live Preview',
  nonlinearity: 'activations: Tanh, ReLU\ntitle: typed in Live Preview',
};

/** One keystroke: the edit, the first frame painted after it, and the frame showing the final view (wall, ms). */
async function keystroke(
  block: LivePreviewBlock,
  editorEl: HTMLElement,
  source: string,
): Promise<{ rerender: number; final: number }> {
  const t0 = performance.now();
  await block.edit(source);
  const first = await nextFrame(() => readback(editorEl.querySelectorAll('canvas')));
  const rerender = first.afterPaint - t0;
  if (!computing(editorEl)) return { rerender, final: rerender };
  await untilComputed(editorEl);
  const last = await untilDrawn(() => readback(editorEl.querySelectorAll('canvas')));
  return { rerender, final: last.afterPaint - t0 };
}

/**
 * Types each kind's source `passes` times after an untimed pass (first-use costs); samples `live.<language>` hold
 * the re-render of each timed keystroke, `liveFinal.<language>` the time to the final view. Notes say a kind with
 * no source here, so a new kind is not missed.
 */
export async function livePreview(
  stage: HTMLElement,
  passes: number,
): Promise<{ samples: Samples; notes: Record<string, string> }> {
  const samples: Samples = {};
  const notes: Record<string, string> = {};
  for (const { language } of BLOCK_KINDS) {
    const source = LIVE_SOURCES[language];
    if (!source) {
      notes[`live.${language}`] = 'n/a (no source to type in bench/scenarios/live-preview.ts)';
      continue;
    }
    const host = await openHost('', false);
    const editorEl = stage.createDiv({ cls: 'markdown-source-view is-live-preview' });
    const block = new LivePreviewBlock(host.app, 'bench.md', editorEl, language);
    for (let pass = 0; pass <= passes; pass++) {
      await quietStart();
      for (let n = 1; n <= source.length; n++) {
        const t = await keystroke(block, editorEl, source.slice(0, n));
        if (pass === 0) continue;
        record(samples, `live.${language}`, t.rerender);
        record(samples, `liveFinal.${language}`, t.final);
      }
      await settle(1);
    }
    block.close();
    host.dispose();
    editorEl.remove();
  }
  return { samples, notes };
}
