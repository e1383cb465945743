/**
 * Canvas memory: a 100-block note with lazy drawing on, scrolled from top to bottom by 200 px every
 * animation frame (a brisk flick-scroll). Counts live canvases at every DOM change (the peak is what
 * sits in memory outside the JS heap) and reads the JS heap before, after the scroll and after unload.
 */
import { noteOf, openHost, renderTimed } from '../contenders/ours';
import { collectGarbage, nextFrame, settle, usedHeapMiB } from '../probe';
import { quietStart, record, type Samples } from './timing';

/** Pixels scrolled per animation frame. */
export const SCROLL_STEP = 200;

/** Runs the scroll `reps` times; records peak canvases, canvases left after 1.5 s, heap figures. */
export async function canvasMemory(stage: HTMLElement, reps: number): Promise<Samples> {
  const samples: Samples = {};
  for (let r = 0; r < reps; r++) {
    const host = await openHost(noteOf('sigmoid', 100), true);
    const container = stage.createDiv();
    await quietStart();
    const heapBefore = usedHeapMiB();
    await renderTimed(host, container);
    const canvases = container.getElementsByTagName('canvas');
    let peak = 0;
    const observer = new MutationObserver(() => (peak = Math.max(peak, canvases.length)));
    observer.observe(container, { childList: true, subtree: true });
    await settle(3);
    const scroller = document.scrollingElement ?? document.documentElement;
    let frames = 0;
    while (scroller.scrollTop + window.innerHeight < scroller.scrollHeight - 1) {
      window.scrollBy(0, SCROLL_STEP);
      await nextFrame();
      peak = Math.max(peak, canvases.length);
      frames++;
    }
    await settle(3);
    peak = Math.max(peak, canvases.length);
    observer.disconnect();
    collectGarbage();
    const heapAfterScroll = usedHeapMiB();
    // Longer than the release delay, to see what stays alive once the reader stops.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    record(samples, 'canvasesLeft:ours', canvases.length);
    host.dispose();
    container.remove();
    collectGarbage();
    record(samples, 'peakCanvases:ours', peak);
    record(samples, 'scrollFrames:ours', frames);
    record(samples, 'heapBefore:ours', heapBefore);
    record(samples, 'heapAfterScroll:ours', heapAfterScroll);
    record(samples, 'heapAfterUnload:ours', usedHeapMiB());
  }
  return samples;
}
