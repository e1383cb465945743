/** The inline error a bad block shows instead of a chart: which line, what is wrong, what is allowed. */
import { caretLines } from '../core/expression/caret';
import type { Problem } from '../core/result';
import { formatProblem, t, type Lang } from '../i18n';

/** Renders a problem from the block's source, quoting the offending line. */
export function renderError(el: HTMLElement, problem: Problem, lang: Lang, source: string): void {
  const box = el.createDiv({ cls: 'activation-lab-error', attr: { role: 'alert' } });
  box.createDiv({ cls: 'activation-lab-error-title', text: t(lang, 'error.title') });
  box.createDiv({ cls: 'activation-lab-error-message', text: formatProblem(problem, lang) });
  const lines = source.split(/\r?\n/);
  if (problem.line !== undefined && problem.line >= 1 && problem.line <= lines.length) {
    const quoted = lines[problem.line - 1];
    box.createEl('code', { cls: 'activation-lab-error-line', text: `${problem.line} | ${quoted.length > 200 ? quoted.slice(0, 200) + '…' : quoted}` });
  }
  const { column, source: expression } = problem.args;
  if (typeof column === 'number' && typeof expression === 'string' && expression !== '') {
    // An expression's mistake: the definition itself with a caret under the column the message names.
    const { text, caret } = caretLines(expression, column);
    box.createEl('pre', { cls: 'activation-lab-error-caret', text: `${text}\n${caret}` });
  }
}

/** Renders an unexpected failure (a bug of ours), without letting it escape into Obsidian's renderer. */
export function renderInternalError(el: HTMLElement, error: unknown, lang: Lang): void {
  const box = el.createDiv({ cls: 'activation-lab-error', attr: { role: 'alert' } });
  box.createDiv({ cls: 'activation-lab-error-title', text: t(lang, 'error.title') });
  box.createDiv({ cls: 'activation-lab-error-message', text: error instanceof Error ? error.message : String(error) });
}
