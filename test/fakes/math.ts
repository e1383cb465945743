/**
 * Imitates obsidian.d.ts `renderMath(source, display)`, `finishRenderMath()` and `loadMathJax()`. Obsidian typesets
 * TeX with MathJax 3; the fake does the same when the page has loaded MathJax (the demo page loads it from npm),
 * and otherwise shows the TeX source as text, so tests that do not care about math stay fast.
 */

/** The part of MathJax 3's global the fake uses (tex-svg component). */
interface MathJaxGlobal {
  tex2svg?: (source: string, options: { display: boolean }) => HTMLElement;
  startup?: { promise?: Promise<unknown> };
}

const mathJax = (): MathJaxGlobal | undefined => (globalThis as { MathJax?: MathJaxGlobal }).MathJax;

/**
 * Imitates `renderMath(source, display)`: an element holding the typeset formula (MathJax's `mjx-container`), or a
 * span with the source when MathJax is not loaded. A formula MathJax cannot read shows its error, as in Obsidian.
 */
export function renderMath(source: string, display: boolean): HTMLElement {
  const typeset = mathJax()?.tex2svg;
  if (typeset) return typeset(source, { display });
  const span = document.createElement('span');
  span.textContent = source;
  return span;
}

/** Imitates `finishRenderMath()`: MathJax's SVG output needs no stylesheet flush, so this only awaits startup. */
export async function finishRenderMath(): Promise<void> {
  await mathJax()?.startup?.promise;
}

/** Imitates `loadMathJax()`: the host page decides whether MathJax is there; nothing to load here. */
export async function loadMathJax(): Promise<void> {
  await mathJax()?.startup?.promise;
}
