/**
 * The module that `obsidian` resolves to under vitest (see vitest.config.ts alias): a small, documented
 * imitation of obsidian.d.ts. Each member's doc comment names the obsidian.d.ts member it imitates;
 * `test/fakes/README.md` lists them all and what is deliberately not imitated. Importing this module
 * installs Obsidian's DOM helpers (createEl, empty, setText, …) when a DOM exists.
 */
import { installDomHelpers } from './dom';

installDomHelpers();

export { createElIn, createSvgIn, installDomHelpers, setIcon, type DomElementInfo, type SvgElementInfo } from './dom';
export { Component, Events, MarkdownRenderChild, type EventRef } from './component';
export { TAbstractFile, TFile, TFolder, Vault, normalizePath, type FileStats, type VaultWrite } from './vault';
export { MetadataCache } from './metadata-cache';
export { App, FileManager, Workspace, type OpenedLink } from './workspace';
export { Editor, MarkdownPreviewView, MarkdownView } from './editor';
export { CommandRegistry, Plugin } from './plugin';
export { MarkdownRenderer } from './markdown';
export { MarkdownPreviewRenderer, type CodeBlockHandler } from './post-processors';
export { Menu, MenuItem, Modal, Notice } from './ui';
export { FuzzySuggestModal, SuggestModal, prepareFuzzySearch, type FuzzyMatch, type SearchResult } from './suggest';
export {
  AbstractTextComponent,
  BaseComponent,
  ButtonComponent,
  ColorComponent,
  DropdownComponent,
  ExtraButtonComponent,
  PluginSettingTab,
  Setting,
  SettingTab,
  SliderComponent,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
  ValueComponent,
} from './setting';
export {
  Platform,
  addIcon,
  apiVersion,
  debounce,
  getIconIds,
  getLanguage,
  requireApiVersion,
  setApiVersion,
  setLanguage,
  setTooltip,
  type Debouncer,
} from './functions';
export { finishRenderMath, loadMathJax, renderMath } from './math';
export { getLinkpath, parseLinktext, resolveSubpath, stripHeading } from './metadata/link-resolution';
