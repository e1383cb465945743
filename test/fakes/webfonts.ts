/**
 * The host's fonts come from npm webfont packages only (Inter, Noto Sans SC, Noto Sans Mono, and Twemoji for emoji), so
 * Chinese text, emoji and every measured label look and measure the same on any machine, with or without system
 * fonts. The browser tests import the packages' CSS (`WEBFONT_CSS`) and await `loadWebfonts()`; the demo and bench
 * pages, served with /npm/, await `linkAndLoadWebfonts()`.
 */

/**
 * Obsidian's interface font is Inter; Noto Sans SC draws the Chinese; emoji come last, as in Obsidian's stack. Twemoji
 * is a COLRv0 font (one 0.5 MB file), which headless Chromium draws in colour; Noto Color Emoji's COLRv1 files drew
 * blank there.
 */
export const HOST_FONT = '"Inter", "Noto Sans SC", "Twemoji", sans-serif';
/** Code and numbers in monospace. */
export const HOST_MONO = '"Noto Sans Mono", "Noto Sans SC", monospace';

/** The packages' stylesheets (module specifiers), one per family and weight the pages use. */
export const WEBFONT_CSS = [
  '@fontsource/inter/400.css',
  '@fontsource/inter/600.css',
  '@fontsource/inter/700.css',
  '@fontsource/noto-sans-sc/400.css',
  '@fontsource/noto-sans-sc/600.css',
  '@fontsource/noto-sans-sc/700.css',
  '@fontsource/noto-sans-mono/400.css',
  'twemoji-colr-font/twemoji.css',
] as const;

/** Families whose regular faces are loaded in full: canvas text never triggers a font load, so it must not wait for one. */
const EAGER = new Set(['Inter', 'Noto Sans SC', 'Noto Sans Mono', 'Twemoji']);

/**
 * Loads every regular (400) face, all unicode-range subsets (about 4 MB, from the local server), so canvas text never
 * waits for a font; bolder faces load as the document's text needs them. Rejects if a face fails to load.
 */
export async function loadWebfonts(doc: Document = document): Promise<void> {
  const faces = [...doc.fonts].filter(
    (face) => EAGER.has(face.family.replace(/^["']|["']$/g, '')) && (face.weight === '400' || face.weight === 'normal'),
  );
  if (faces.length === 0) throw new Error('no webfont faces found: link WEBFONT_CSS before calling loadWebfonts()');
  await Promise.all(faces.map((face) => face.load()));
  await doc.fonts.ready;
}

/**
 * For a page served by scripts/npm-assets.mjs (the demo, the bench): links every `WEBFONT_CSS` sheet from `/npm/`, then
 * loads the faces (`loadWebfonts`). Rejects if a sheet or a face fails to load.
 */
export async function linkAndLoadWebfonts(doc: Document = document): Promise<void> {
  await Promise.all(
    WEBFONT_CSS.map(
      (spec) =>
        new Promise<void>((ok, fail) => {
          const link = doc.createElement('link');
          link.rel = 'stylesheet';
          link.href = `/npm/${spec}`;
          link.onload = () => ok();
          link.onerror = () => fail(new Error(`could not load /npm/${spec}`));
          doc.head.appendChild(link);
        }),
    ),
  );
  await loadWebfonts(doc);
}
