/**
 * Node-only helper: reads a folder of notes into the plain object `createHost({ files })` takes.
 * (The browser project cannot read the disk; build the object in Node or inline it.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Text extensions read as strings; everything else is read as bytes (ArrayBuffer). */
const TEXT = /\.(md|txt|json|css|canvas|base|csv|svg|ya?ml)$/i;

/** Reads every file under `dir` (recursively, skipping dot-folders like .obsidian/.git) → vault path → content. */
export function readVaultDir(dir: string): Record<string, string | ArrayBuffer> {
  const out: Record<string, string | ArrayBuffer> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const path = relative(dir, full).split(sep).join('/');
      if (TEXT.test(entry.name)) out[path] = readFileSync(full, 'utf8');
      else {
        const b = readFileSync(full);
        out[path] = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      }
    }
  };
  walk(dir);
  return out;
}
