/**
 * Loads the notes captured from real Obsidian (`test/fixtures/obsidian-cache/*.json`, see its README) for the metadata
 * fake's tests, and formats differences compactly (`line:col-line:col`) so one differing rule shows as one pattern.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedMetadata, Pos } from 'obsidian';
import { FIXTURES } from '../../helpers/reference';

/** One capture file: the note, what Obsidian cached for it, and `getFirstLinkpathDest` results for its links. */
export interface Capture {
  name: string;
  filePath: string;
  fileContents: string;
  cachedMetadata: CachedMetadata;
  resolveLinkToPath: Record<string, string | null>;
}

/** The folder holding the captures. */
export function capturesDir(): string {
  return join(FIXTURES, 'obsidian-cache');
}

/** All captures, sorted by file name. */
export function loadCaptures(): Capture[] {
  const dir = capturesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Capture, 'name'>),
    }));
}

/** Every path of the demo vault: keys and targets of `metadataCache/resolvedLinks.json` (as the README advises). */
export function vaultPaths(): string[] {
  const resolved = JSON.parse(
    readFileSync(join(capturesDir(), 'metadataCache', 'resolvedLinks.json'), 'utf8'),
  ) as Record<string, Record<string, number>>;
  const paths = new Set<string>();
  for (const [source, targets] of Object.entries(resolved)) {
    paths.add(source);
    for (const t of Object.keys(targets)) paths.add(t);
  }
  return [...paths].sort();
}

const showPos = (p: Pos): string => `${p.start.line}:${p.start.col}-${p.end.line}:${p.end.col}`;

/** A one-line summary of a cache field value: keys sorted, positions shown as `line:col-line:col`. */
export function brief(value: unknown): string | undefined {
  return JSON.stringify(value, (key, v: unknown) => {
    if ((key === 'position' || key === 'frontmatterPosition') && v && typeof v === 'object') return showPos(v as Pos);
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}
