/** The inline error a bad block shows instead of a chart: which line, what is wrong, what is allowed. */
import { caretLines } from '../core/expression/caret';
import type { Problem } from '../core/result';
import { formatProblem, t, type Lang } from '../i18n';

/** One problem: its sentence, then the offending line of the source quoted. */
function renderProblem(parent: HTMLElement, problem: Problem, text: string, lines: readonly string[]): void {
  parent.createDiv({ cls: 'activation-lab-error-message', text });
  if (problem.line !== undefined && problem.line >= 1 && problem.line <= lines.length) {
    const quoted = lines[problem.line - 1];
    parent.createEl('code', {
      cls: 'activation-lab-error-line',
      text: `${problem.line} | ${quoted.length > 200 ? quoted.slice(0, 200) + '…' : quoted}`,
    });
  }
  const { column, source: expression } = problem.args;
  if (typeof column === 'number' && typeof expression === 'string' && expression !== '') {
    // An expression's mistake: the definition itself with a caret under the column the message names.
    const { text, caret } = caretLines(expression, column);
    parent.createEl('pre', { cls: 'activation-lab-error-caret', text: `${text}\n${caret}` });
  }
}

/** Renders every problem of a block (a list when there are several), each quoting its line of the source. */
export function renderError(el: HTMLElement, problems: readonly Problem[], lang: Lang, source: string): void {
  const box = el.createDiv({ cls: 'activation-lab-error', attr: { role: 'alert' } });
  box.createDiv({ cls: 'activation-lab-error-title', text: t(lang, 'error.title') });
  const lines = source.split(/\r?\n/);
  if (problems.length === 1) {
    renderProblem(box, problems[0], formatProblem(problems[0], lang), lines);
    return;
  }
  const list = box.createEl('ul', { cls: 'activation-lab-error-list' });
  for (const p of problems) renderProblem(list.createEl('li'), p, warningText(p, lang), lines);
}

/** A problem's sentence, plus what the block did instead when the key was optional ("— using the default, 400"). */
function warningText(p: Problem, lang: Lang): string {
  const message = formatProblem(p, lang);
  if (p.args.fallback !== undefined) return t(lang, 'warning.usingDefault', { message, value: p.args.fallback });
  return p.code === 'unknownKey' ? t(lang, 'warning.ignored', { message }) : message;
}

/** The warnings of a block that still draws: one line each, above the chart, saying what was used instead. */
export function renderWarnings(el: HTMLElement, warnings: readonly Problem[], lang: Lang): void {
  if (warnings.length === 0) return;
  const box = el.createEl('ul', { cls: 'activation-lab-warning', attr: { role: 'status' } });
  for (const w of warnings) box.createEl('li', { text: warningText(w, lang) });
}

/** Renders an unexpected failure (a bug of ours), without letting it escape into Obsidian's renderer. */
export function renderInternalError(el: HTMLElement, error: unknown, lang: Lang): void {
  const box = el.createDiv({ cls: 'activation-lab-error', attr: { role: 'alert' } });
  box.createDiv({ cls: 'activation-lab-error-title', text: t(lang, 'error.title') });
  box.createDiv({ cls: 'activation-lab-error-message', text: error instanceof Error ? error.message : String(error) });
}
