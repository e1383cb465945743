/**
 * Every message key the code asks for exists (grep over main.ts and src/): the literal keys inside each
 * `t(…)` call, and for template keys such as `settings.${key}.name` at least one key of that shape.
 * The type checker guarantees this too; this test also catches casts and keys built from strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { en, zh } from '../helpers/message-tables';

const root = fileURLToPath(new URL('../..', import.meta.url));
const namespaces = new Set(Object.keys(en).map((k) => k.split('.')[0]));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The argument text of every `t(` call (balanced parentheses, strings skipped). */
function tCalls(code: string): string[] {
  const calls: string[] = [];
  for (const m of code.matchAll(/(?<![\w.$])t\(/g)) {
    let depth = 1;
    let i = (m.index ?? 0) + 2;
    for (let quote = ''; i < code.length && depth > 0; i++) {
      const c = code[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    calls.push(code.slice((m.index ?? 0) + 2, i - 1));
  }
  return calls;
}

/** Key-shaped string literals in a call: `'ns.rest'` whose namespace is one of the tables'. */
function keysIn(call: string): string[] {
  return [...call.matchAll(/(['"`])([a-z][A-Za-z]*\.[A-Za-z0-9.${}]+)\1/g)]
    .map((m) => m[2])
    .filter((k) => namespaces.has(k.split('.')[0]));
}

const used = sources(join(root, 'src'))
  .concat(join(root, 'main.ts'))
  .flatMap((file) =>
    tCalls(readFileSync(file, 'utf8'))
      .flatMap(keysIn)
      .map((key) => ({ file: file.slice(root.length + 1), key })),
  );

describe('message keys used in the code', () => {
  test('the scan finds the keys (guards against a regex that silently matches nothing)', () => {
    expect(used.length).toBeGreaterThan(40);
    expect(used.map((u) => u.key)).toContain('export.copyPng');
  });

  test('every literal key exists in both tables', () => {
    const missing = used.filter((u) => !u.key.includes('${') && !(u.key in en && u.key in zh));
    expect(missing).toEqual([]);
  });

  test('every template key matches at least one key', () => {
    const templates = used.filter((u) => u.key.includes('${'));
    expect(templates.length).toBeGreaterThan(0);
    for (const u of templates) {
      const pattern = new RegExp(`^${u.key.replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[A-Za-z0-9]+')}$`);
      expect({ ...u, matches: Object.keys(en).some((k) => pattern.test(k)) }).toEqual({ ...u, matches: true });
    }
  });
});
