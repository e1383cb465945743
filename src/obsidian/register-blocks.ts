/** Registers one Markdown code-block processor per block kind; each block becomes a BlockChild. */
import type { Plugin } from 'obsidian';
import type { AnyBlockKind } from '../blocks/block-kind';
import { BlockChild } from './block-child';
import type { BlockHost } from './block-host';

/** Registers every kind's fence language on the plugin (unregistered automatically on plugin unload). */
export function registerBlocks(plugin: Plugin, kinds: readonly AnyBlockKind[], host: BlockHost): void {
  for (const kind of kinds) {
    plugin.registerMarkdownCodeBlockProcessor(kind.language, (source, el, ctx) => {
      ctx.addChild(new BlockChild(el, kind, source, ctx, host));
    });
  }
}
