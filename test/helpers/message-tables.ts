/** The two columns of `src/i18n/messages.ts` as plain key → string tables, for tests that read one language. */
import { messages, type MessageKey } from '../../src/i18n/messages';

function column(index: 0 | 1): Record<MessageKey, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, row]) => [key, row[index]])) as Record<
    MessageKey,
    string
  >;
}

/** English strings by key. */
export const en = column(0);
/** Simplified Chinese strings by key. */
export const zh = column(1);
