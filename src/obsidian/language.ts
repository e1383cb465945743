/** The reader's language: the setting, or Obsidian's own language where the API offers it (1.8.7+). */
import * as obsidian from 'obsidian';
import type { LanguageSetting } from '../core/settings';
import { resolveLang, type Lang } from '../i18n';

/** Obsidian's UI language code, or undefined on versions without `getLanguage` (guarded at run time). */
export function obsidianLanguage(): string | undefined {
  const api = obsidian as { getLanguage?: () => string };
  if (typeof api.getLanguage === 'function') return api.getLanguage();
  // Before 1.8.7, Obsidian set moment's locale to its UI language ('zh-cn', 'en', …).
  const locale = typeof obsidian.moment?.locale === 'function' ? obsidian.moment.locale() : undefined;
  return locale === '' ? undefined : locale;
}

/** The language blocks and settings are shown in. */
export function currentLang(setting: LanguageSetting): Lang {
  return resolveLang(setting, obsidianLanguage());
}
