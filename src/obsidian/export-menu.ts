/**
 * Export of one block: a menu button in the block's header and the block's context menu, offering
 * "Copy as PNG", "Save PNG to vault" (the user's click, through the vault API) and "Copy data as CSV".
 */
import { Menu, Notice, setIcon, type App } from 'obsidian';
import type { Listen } from '../chart/ui/listen';
import { t, type Lang } from '../i18n';

/** What export needs from a rendered block (BlockShell provides it). */
export interface ExportSource {
  /** Draws the charts not drawn yet: export works before a block has scrolled into view. */
  draw(): void;
  /** The block as one image (title, legend, charts, `caption`), or null when nothing is drawn. */
  exportImage(caption?: string): HTMLCanvasElement | null;
  /** The current view; its CSV follows the sliders. */
  readonly currentView: { csv(): string };
}

/** Where the menu lives and what it needs to save files. */
export interface ExportTarget {
  app: App;
  source: ExportSource;
  /** The block's element (context menu). */
  root: HTMLElement;
  /** The block's header (menu button). */
  header: HTMLElement;
  /** The block's fence language, used in the saved file's name. */
  kind: string;
  /** The note the block is in: attachments go where Obsidian puts this note's attachments. */
  sourcePath: string;
  lang: Lang;
  /** registerDomEvent of the block's render scope: listeners go when the block re-renders or unloads. */
  listen: Listen;
}

/** Adds the header button and the context menu to a block. */
export function attachExportMenu(target: ExportTarget): void {
  const label = t(target.lang, 'export.menu');
  const button = target.header.createEl('button', {
    cls: ['activation-lab-menu-button', 'clickable-icon'],
    attr: { type: 'button', 'aria-label': label, 'aria-haspopup': 'menu', title: label },
  });
  setIcon(button, 'more-horizontal');
  // Keyboard activation has no pointer position: open under the button instead.
  target.listen(button, 'click', () => {
    const r = button.getBoundingClientRect();
    exportMenu(target).showAtPosition({ x: r.left, y: r.bottom });
  });
  target.listen(target.root, 'contextmenu', (evt) => {
    // Links (caption, context panel) and form controls keep their own menus.
    if (evt.defaultPrevented || (evt.target instanceof Element && evt.target.closest('a, input, select, textarea')))
      return;
    evt.preventDefault();
    exportMenu(target).showAtMouseEvent(evt);
  });
}

/** The menu with the three export actions. */
export function exportMenu(target: ExportTarget): Menu {
  const { lang } = target;
  return new Menu()
    .addItem((item) =>
      item
        .setTitle(t(lang, 'export.copyPng'))
        .setIcon('copy')
        .onClick(() => copyPng(target)),
    )
    .addItem((item) =>
      item
        .setTitle(t(lang, 'export.savePng'))
        .setIcon('image-down')
        .onClick(() => void savePng(target)),
    )
    .addItem((item) =>
      item
        .setTitle(t(lang, 'export.copyCsv'))
        .setIcon('table')
        .onClick(() => void copyCsv(target)),
    );
}

/**
 * The block as one image that stands alone when pasted elsewhere: title, legend, the charts (device pixels) and the
 * caption's plain text, on the theme's background. Null while it has no chart (a demo still computing, or cancelled).
 */
function blockImage(target: Pick<ExportTarget, 'source' | 'root'>): HTMLCanvasElement | null {
  target.source.draw();
  const caption = target.root.querySelector('.activation-lab-caption')?.textContent?.trim() || undefined;
  return target.source.exportImage(caption);
}

function png(image: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    image.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

function failed(lang: Lang, error: unknown): void {
  new Notice(t(lang, 'export.failed', { reason: error instanceof Error ? error.message : String(error) }));
}

/** Starts the clipboard write synchronously (a promised blob inside ClipboardItem), which mobile WebKit requires. */
function copyPng(target: ExportTarget): void {
  const { lang } = target;
  if (typeof ClipboardItem === 'undefined' || typeof navigator.clipboard?.write !== 'function') {
    failed(lang, t(lang, 'export.noClipboard'));
    return;
  }
  const image = blockImage(target);
  if (!image) {
    failed(lang, t(lang, 'export.nothingDrawn'));
    return;
  }
  navigator.clipboard.write([new ClipboardItem({ 'image/png': png(image) })]).then(
    () => new Notice(t(lang, 'export.copied')),
    (error) => failed(lang, error),
  );
}

async function savePng(target: ExportTarget): Promise<void> {
  const image = blockImage(target);
  if (!image) {
    failed(target.lang, t(target.lang, 'export.nothingDrawn'));
    return;
  }
  try {
    const data = await (await png(image)).arrayBuffer();
    const note = target.sourcePath.split('/').pop()?.replace(/\.md$/i, '') || 'chart';
    const path = await target.app.fileManager.getAvailablePathForAttachment(
      `${note} ${target.kind}.png`,
      target.sourcePath,
    );
    await target.app.vault.createBinary(path, data);
    new Notice(t(target.lang, 'export.saved', { path }));
  } catch (error) {
    failed(target.lang, error);
  }
}

async function copyCsv(target: ExportTarget): Promise<void> {
  try {
    await navigator.clipboard.writeText(target.source.currentView.csv());
    new Notice(t(target.lang, 'export.copied'));
  } catch (error) {
    failed(target.lang, error);
  }
}
