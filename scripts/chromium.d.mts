/** Types of scripts/chromium.mjs, for the TypeScript configs that import it. */
import type { Browser } from 'playwright-core';

/** Flags for a headless Chromium on a closed network. */
export const CHROMIUM_ARGS: readonly string[];
/** The Chromium to launch and which rule found it; throws listing what was tried. */
export function findChromium(): Promise<{ path: string; from: string }>;
/** Launches that Chromium with CHROMIUM_ARGS plus `extraArgs`; a start failure names the browser and why. */
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
