/** The project's browser commands (see commands.ts), typed for the test side. */
import { commands } from 'vitest/browser';

/** Commands registered in vitest.config.ts; they run in Vitest's Node process. */
export interface ProjectCommands {
  /** Notes of a named vault (`seed`, `examples`, `tricky`): vault path → text. */
  readVault(name: string): Promise<Record<string, string>>;
  /** main.js of a fresh production build. */
  builtPlugin(): Promise<string>;
  /** styles.css of the plugin. */
  pluginStyles(): Promise<string>;
}

/** Typed access to the project's commands (Vitest's BrowserCommands interface is not augmentable through its re-export). */
export const server = commands as unknown as ProjectCommands;
