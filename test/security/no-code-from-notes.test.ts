/**
 * No code from notes: fails when src/ or main.ts could run text as code or inject it as markup —
 * `eval(…)`, `new Function` / `Function(…)`, string timers, `document.write(ln)`, and `innerHTML` /
 * `outerHTML` / `insertAdjacentHTML` / `createContextualFragment` / `srcdoc` given anything but a constant
 * string. It reads the TypeScript syntax tree, so comments and string contents never count and aliases
 * such as `el['innerHTML']` do. ESLint's no-restricted-properties (eslint.config.mjs) is the first line;
 * this test is the one CI cannot skip with a disable comment.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MARKUP_SINKS = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const MARKUP_CALLS = new Map([
  ['insertAdjacentHTML', 1],
  ['createContextualFragment', 0],
  ['parseFromString', 0],
]);

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A string whose value is fixed in the source: a literal, a template without `${}`, or literals joined by `+`. */
function constantString(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    constantString(node.left) &&
    constantString(node.right)
  );
}

/** The property a member access names (`a.b` or `a['b']`), if known. */
function memberName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))
    return node.argumentExpression.text;
  return undefined;
}

/** The object of a member access, as written (`document`, `window.document`, …). */
const objectText = (node: ts.Node, file: ts.SourceFile): string =>
  ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? node.expression.getText(file) : '';

/** Findings in one file's source text, as `line: what`. */
function scan(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (name === 'eval') report(node, 'eval(…)');
      if (name === 'Function') report(node, `${ts.isNewExpression(node) ? 'new ' : ''}Function(…)`);
      if (
        (name === 'setTimeout' || name === 'setInterval') &&
        args[0] &&
        (ts.isStringLiteralLike(args[0]) || ts.isTemplateExpression(args[0]))
      )
        report(node, `${name} with a string`);
      const markupArg = name === undefined ? undefined : MARKUP_CALLS.get(name);
      if (markupArg !== undefined && args[markupArg] && !constantString(args[markupArg]))
        report(node, `${name} with a non-constant string`);
    }
    const member = memberName(node);
    if (member === 'write' || member === 'writeln') {
      if (/document$/i.test(objectText(node, file))) report(node, `document.${member}`);
    }
    if (
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken].includes(node.operatorToken.kind)
    ) {
      const target = memberName(node.left);
      if (target !== undefined && MARKUP_SINKS.has(target) && !constantString(node.right))
        report(node, `${target} = a non-constant string`);
    }
    if (
      ts.isCallExpression(node) &&
      memberName(node.expression) === 'setAttribute' &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const attr = node.arguments[0].text.toLowerCase();
      if ((attr.startsWith('on') || attr === 'srcdoc') && !(node.arguments[1] && constantString(node.arguments[1])))
        report(node, `setAttribute('${attr}', …)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no code from notes', () => {
  // Parsing every source file takes 3–6 s on 2 loaded cores (180 modules): a hang guard, not vitest's 5 s default.
  it('src/ and main.ts never eval, build functions, or inject non-constant markup', { timeout: 60_000 }, () => {
    const files = [join(ROOT, 'main.ts'), ...tsFiles(join(ROOT, 'src'))];
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((f) =>
      scan(readFileSync(f, 'utf8'), f).map((line) => `${relative(ROOT, f)}:${line}`),
    );
    expect(findings).toEqual([]);
  });

  it('finds every forbidden form (the scanner works)', () => {
    const bad = [
      'eval(text);',
      'window.eval(text);',
      'new Function("a", body);',
      'Function(body)();',
      'setTimeout("alert(1)", 0);',
      'document.write(x);',
      'activeDocument.writeln(x);',
      'el.innerHTML = text;',
      "el['outerHTML'] = '<b>' + name;",
      'el.innerHTML += `<i>${x}</i>`;',
      "el.insertAdjacentHTML('beforeend', html);",
      'range.createContextualFragment(html);',
      'new DOMParser().parseFromString(text, "text/html");',
      "img.setAttribute('onerror', code);",
      'frame.srcdoc = page;',
    ];
    for (const snippet of bad) expect(scan(snippet), snippet).toHaveLength(1);
  });

  it('allows constant markup and ignores comments and strings', () => {
    const fine = [
      "el.innerHTML = '';",
      "el.innerHTML = '<b>' + 'x' + '</b>';",
      'el.innerHTML = `<br>`;',
      '// eval(text); el.innerHTML = text;',
      '/* new Function(x) */',
      "const s = 'eval(x) document.write(y)';",
      'const text = el.innerHTML;',
      'evaluate(x); myeval(y);',
      "el.insertAdjacentHTML('beforeend', '<hr>');",
      'writer.write(chunk);',
      'setTimeout(() => run(), 0);',
      "el.setAttribute('title', text);",
    ];
    for (const snippet of fine) expect(scan(snippet), snippet).toEqual([]);
  });

  it('ESLint forbids the same properties in src/ and main.ts', () => {
    const config = readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8');
    for (const rule of [
      "'no-eval'",
      "'no-new-func'",
      "'no-implied-eval'",
      "property: 'innerHTML'",
      "property: 'outerHTML'",
      "property: 'insertAdjacentHTML'",
      "property: 'write'",
    ]) {
      expect(config, rule).toContain(rule);
    }
  });
});
