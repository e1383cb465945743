/** Changing an element's text on every slider frame. */

/**
 * Sets `el`'s text, changing its one Text node in place when it has one: setText (textContent) replaces the node,
 * which costs a node and two DOM mutations per call, and a slider frame relabels the legend and the slider's value.
 */
export function replaceText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  // nodeType, not instanceof Text: a popout window has a Text class of its own.
  if (node !== null && node.nodeType === 3 && node === el.lastChild) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else el.setText(text);
}
