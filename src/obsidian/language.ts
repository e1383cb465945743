/** The reader's language: the setting, or Obsidian's own language where the API offers it (1.8.7+). */
import * as obsidian from 'obsidian';
import type { LanguageSetting } from '../core/settings';
import { resolveLang, type Lang } from '../i18n';

/** Obsidian's UI language code, or undefined on versions without `getLanguage` (guarded at run time). */
export function obsidianLanguage(): string | undefined {
  const api = obsidian as { getLanguage?: () => string };
  if (typeof api.getLanguage === 'function') return api.getLanguage();
  // Before 1.8.7 Obsidian stored its language here; documented by the obsidianmd lint's prefer-get-language rule.
  return window.localStorage?.getItem('language') ?? undefined;
}

/** The language blocks and settings are shown in. */
export function currentLang(setting: LanguageSetting): Lang {
  return resolveLang(setting, obsidianLanguage());
}
