/**
 * The sections a block's `formulas` key links to: read through Obsidian's link resolution (relative to the block's
 * note, as `context` is), handed to the block, and read again when one of those notes changes (LinkWatch). A
 * Component of the block's render scope: unloading it stops the watch.
 */
import { Component, type App } from 'obsidian';
import { parseWikiLink } from '../core/links/wikilinks';
import { ObsidianLinkResolver } from './link-resolver';
import { LinkWatch } from './link-watch';

/** Reads `links` now and after every relevant change, calling `onTexts` with each section's text (null: not found). */
export class FormulaLinks extends Component {
  private generation = 0;
  private alive = false;

  constructor(
    private readonly app: App,
    private readonly sourcePath: string,
    private readonly links: readonly string[],
    private readonly onTexts: (texts: (string | null)[]) => void,
  ) {
    super();
  }

  onload(): void {
    this.alive = true;
    const watch = new LinkWatch(this, this.app, () => void this.read(watch));
    void this.read(watch);
  }

  onunload(): void {
    this.alive = false;
  }

  private async read(watch: LinkWatch): Promise<void> {
    const generation = ++this.generation;
    const resolver = new ObsidianLinkResolver(this.app);
    const results = await Promise.all(
      this.links.map(async (raw) => {
        const link = parseWikiLink(raw);
        return link.ok ? resolver.resolve(link.value, this.sourcePath).catch(() => null) : null;
      }),
    );
    if (!this.alive || generation !== this.generation) return;
    // Watched: the notes read, and the linkpaths of missing notes (a note created later resolves them).
    watch.track(
      results.flatMap((r) => (r?.ok ? [r.path] : [])),
      results.flatMap((r) => (r && !r.ok && r.missing === 'note' ? [r.what] : [])),
    );
    this.onTexts(results.map((r) => (r?.ok ? r.text : null)));
  }
}
