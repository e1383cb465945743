/**
 * Imitates obsidian.d.ts `MarkdownPreviewRenderer`: the GLOBAL registry of post-processors and
 * code-block processors that every render (Reading view or MarkdownRenderer.render) runs.
 */
import type { MarkdownPostProcessor, MarkdownPostProcessorContext } from 'obsidian';

/** The part of App the renderer uses (link resolution, opening and hovering links). */
export interface RenderApp {
  metadataCache: { getFirstLinkpathDest(linkpath: string, sourcePath: string): unknown };
  workspace: {
    openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean): Promise<void>;
    trigger(name: string, ...data: unknown[]): void;
  };
}

/** Imitates the handler type of obsidian.d.ts `Plugin.registerMarkdownCodeBlockProcessor`. */
export type CodeBlockHandler = (
  source: string,
  el: HTMLElement,
  ctx: MarkdownPostProcessorContext,
) => Promise<unknown> | void;

const postProcessors: MarkdownPostProcessor[] = [];
const codeBlockLanguages = new Set<string>();

/** Fake detail: the processors in run order (sortOrder ascending, then registration order). */
export function registeredPostProcessors(): MarkdownPostProcessor[] {
  return postProcessors.slice();
}

/** Imitates obsidian.d.ts `MarkdownPreviewRenderer`: the GLOBAL post-processor registry (as in Obsidian). */
export class MarkdownPreviewRenderer {
  /** Imitates `registerPostProcessor(pp, sortOrder?)`: lower sortOrder runs first; default 0. */
  static registerPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): void {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    postProcessors.push(postProcessor);
    postProcessors.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  }
  /** Imitates `unregisterPostProcessor(pp)`. */
  static unregisterPostProcessor(postProcessor: MarkdownPostProcessor): void {
    const i = postProcessors.indexOf(postProcessor);
    if (i >= 0) postProcessors.splice(i, 1);
  }
  /** Imitates `createCodeBlockPostProcessor(language, handler)`: replaces each `pre > code.language-X` with `div.block-language-X` and calls handler(source, div, ctx). Throws if the language is taken. */
  static createCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): MarkdownPostProcessor {
    if (codeBlockLanguages.has(language))
      throw new Error('Attempting to register an existing codeblock post processor');
    codeBlockLanguages.add(language);
    const pp = (el: HTMLElement, ctx: MarkdownPostProcessorContext): Promise<unknown> | void => {
      const jobs: Promise<unknown>[] = [];
      for (const code of Array.from(el.querySelectorAll<HTMLElement>('pre > code'))) {
        if (!code.classList.contains(`language-${language}`)) continue;
        const div = code.ownerDocument.createElement('div');
        div.className = `block-language-${language}`;
        code.parentElement!.replaceWith(div);
        const r = handler(code.textContent ?? '', div, ctx);
        if (r instanceof Promise) jobs.push(r);
      }
      if (jobs.length) return Promise.all(jobs);
    };
    (pp as { language?: string }).language = language;
    return pp;
  }
  /** Fake-only: forgets a language taken by createCodeBlockPostProcessor (Plugin unload does this). */
  static releaseCodeBlockLanguage(language: string): void {
    codeBlockLanguages.delete(language);
  }
}
