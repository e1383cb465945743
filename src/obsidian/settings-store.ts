/** Loads and saves settings through Obsidian's plugin data (data.json), tolerant of older or broken files. */
import type { Plugin } from 'obsidian';
import { migrateSettings, type Settings } from '../core/settings';

/** Reads data.json and migrates it (unknown fields dropped, missing ones defaulted). */
export async function loadSettings(plugin: Plugin): Promise<Settings> {
  return migrateSettings(await plugin.loadData());
}

/** Writes settings to data.json. */
export async function saveSettings(plugin: Plugin, settings: Settings): Promise<void> {
  await plugin.saveData(settings);
}
