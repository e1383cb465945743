/**
 * Commands (no default hotkeys): insert a ready block at the cursor — an activation chart picked from a
 * fuzzy list, or one of the demos — and re-render the charts of the active note.
 */
import { FuzzySuggestModal, Notice, type App, type Editor, type Plugin } from 'obsidian';
import type { AnyBlockKind } from '../blocks/block-kind';
import { activationTemplate, exampleBlock, expressionTemplate, insertionAt } from '../blocks/templates';
import { activationNames } from '../core/activations';
import { t, type Lang } from '../i18n';
import type { Rerenderable } from './block-host';
import { checkActiveNote } from './formula-check-modal';

/** What the commands need from the plugin. */
export interface CommandDeps {
  /** The registered block kinds; each with an `insert` declaration gets an "Insert …" command. */
  kinds: readonly AnyBlockKind[];
  lang(): Lang;
  liveBlocks: ReadonlySet<Rerenderable>;
}

/** Inserts `block` at the cursor (replacing a selection) so that it starts on its own line. */
export function insertBlock(editor: Editor, block: string): void {
  const from = editor.getCursor('from');
  editor.replaceSelection(insertionAt(block, editor.getLine(from.line).slice(0, from.ch)));
}

/** The picker's last entry: a block with a definition of the user's own (no torch name contains `…`). */
export const EXPRESSION_ITEM = 'expression…';

/** The activation picker: type to filter the torch names, Enter inserts a chart of the chosen one. */
export class ActivationPicker extends FuzzySuggestModal<string> {
  constructor(
    app: App,
    private readonly lang: Lang,
    private readonly onChoose: (name: string) => void,
  ) {
    super(app);
    this.setPlaceholder(t(lang, 'picker.placeholder'));
  }

  getItems(): string[] {
    return [...activationNames(), EXPRESSION_ITEM];
  }

  getItemText(name: string): string {
    return name === EXPRESSION_ITEM ? t(this.lang, 'picker.expression') : name;
  }

  onChooseItem(name: string): void {
    this.onChoose(name);
  }
}

/** Registers every command on the plugin (removed by Obsidian when the plugin unloads). Names use the language at load time. */
export function registerCommands(plugin: Plugin, deps: CommandDeps): void {
  const lang = deps.lang();
  plugin.addCommand({
    id: 'insert-activation-chart',
    name: t(lang, 'command.insertActivation'),
    editorCallback: (editor) =>
      new ActivationPicker(plugin.app, deps.lang(), (name) =>
        insertBlock(editor, name === EXPRESSION_ITEM ? expressionTemplate() : activationTemplate(name)),
      ).open(),
  });
  for (const kind of deps.kinds) {
    if (!kind.insert) continue;
    const block = exampleBlock(kind);
    plugin.addCommand({
      id: `insert-${kind.language}-demo`,
      name: t(lang, kind.insert.name),
      editorCallback: (editor) => insertBlock(editor, block),
    });
  }
  plugin.addCommand({
    id: 'check-formulas',
    name: t(lang, 'command.checkFormulas'),
    checkCallback: (checking) => {
      const file = plugin.app.workspace.getActiveFile();
      if (file && !checking) void checkActiveNote(plugin.app, file, deps.lang());
      return file !== null;
    },
  });
  plugin.addCommand({
    id: 'rerender-charts',
    name: t(lang, 'command.rerender'),
    checkCallback: (checking) => {
      const file = plugin.app.workspace.getActiveFile();
      if (!file) return false;
      if (!checking) {
        const blocks = [...deps.liveBlocks].filter((b) => b.sourcePath === file.path);
        for (const block of blocks) block.rerender();
        new Notice(t(deps.lang(), 'command.rerendered', { count: blocks.length }));
      }
      return true;
    },
  });
}
