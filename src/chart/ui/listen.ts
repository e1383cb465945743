/** How widgets attach DOM listeners: the glue passes `Component.registerDomEvent`, so unload detaches them. */
export type Listen = <K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  type: K,
  handler: (ev: HTMLElementEventMap[K]) => void,
) => void;
