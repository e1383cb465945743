/**
 * "Check formulas in this note": every formula of the active note that defines a torch activation, with
 * ✓ / ✗ / ⚠ / ? and a link to its line. Reads the note (the editor's text when it is open); never writes it.
 */
import { MarkdownView, Modal, type App, type TFile } from 'obsidian';
import { checkNote, FORMULA_RANGE } from '../core/latex/check-note';
import { formulaMessage, VERDICT_MARK } from '../blocks/formula-message';
import { t, type Lang } from '../i18n';

/** The list of findings for one note. */
export class FormulaCheckModal extends Modal {
  constructor(
    app: App,
    private readonly file: TFile,
    private readonly text: string,
    private readonly lang: Lang,
  ) {
    super(app);
  }

  onOpen(): void {
    const { contentEl, lang } = this;
    this.setTitle(t(lang, 'formulas.title', { note: this.file.basename }));
    const found = checkNote(this.text);
    if (!found.length) contentEl.createEl('p', { text: t(lang, 'formulas.none') });
    const list = contentEl.createEl('ul', { cls: 'activation-lab-formula-list' });
    for (const f of found) {
      const item = list.createEl('li', {
        cls: `activation-lab-formula-${f.verdict}`,
        text: `${VERDICT_MARK[f.verdict]} `,
      });
      const link = item.createEl('a', { text: t(lang, 'formulas.line', { line: f.line }), href: '#' });
      item.appendText(` ${formulaMessage(f, lang, FORMULA_RANGE)}`);
      link.addEventListener('click', (evt) => {
        evt.preventDefault();
        this.close();
        this.jump(f.line - 1);
      });
    }
  }

  onClose(): void {
    this.contentEl.empty();
  }

  /** Puts the cursor on `line` (0-based) of the note and scrolls it into view. */
  private jump(line: number): void {
    const editor = this.app.workspace.getActiveViewOfType(MarkdownView)?.editor;
    if (!editor) return;
    editor.setCursor({ line, ch: 0 });
    editor.scrollIntoView({ from: { line, ch: 0 }, to: { line, ch: 0 } }, true);
  }
}

/** Opens the list for the active note: the open editor's text, else the file as saved. */
export async function checkActiveNote(app: App, file: TFile, lang: Lang): Promise<void> {
  const view = app.workspace.getActiveViewOfType(MarkdownView);
  const text = view?.file === file ? view.editor.getValue() : await app.vault.cachedRead(file);
  new FormulaCheckModal(app, file, text, lang).open();
}
