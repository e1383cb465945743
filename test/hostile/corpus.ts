/**
 * The hostile corpus: blocks people paste, half-type or craft, as data. Every entry must render an
 * inline `.activation-lab-error` or a safe chart, fast, without running code, polluting prototypes or
 * breaking the next block. `genericHostileBlocks(language)` applies to ANY block language, so a kind added
 * later is covered by calling it with the new language; `HOSTILE_CORPUS` holds it for the four known
 * languages plus each language's own hostile values.
 */
import { specificHostileBlocks } from './specific';
import { binaryJunk, megabyteBody, nestedFlow, nestedList, nestedMaps, PAYLOADS } from './payloads';
import { KNOWN_LANGUAGES, vocabularyOf } from './vocabulary';

/** The categories the issue lists, one name each. */
export const CATEGORIES = [
  'unknown-name', 'bad-parameter', 'reversed-range', 'nan-range', 'infinite-range', 'enormous-range',
  'samples-0', 'samples-1e9', 'depth-1e6', 'malformed-yaml', 'tabs', 'empty-body', 'megabyte-body',
  'binary-junk', 'nested-yaml', 'prototype-keys', 'html', 'img-onerror', 'script', 'javascript-link',
  'missing-link', 'self-link', 'link-cycle',
] as const;

/** One category of the issue's list. */
export type Category = (typeof CATEGORIES)[number];

/** One hostile block. */
export interface HostileBlock {
  /** Unique, readable: `<language> / <category> / <what>`. */
  name: string;
  category: Category;
  /** The fence language. */
  language: string;
  /** The block body as typed between the fences. */
  source: string;
  /** Other notes the block links to (cycles), path → text. */
  files?: Readonly<Record<string, string>>;
  /** What the issues require where they say so; absent means "an error or a chart, either is fine". */
  expect?: 'error' | 'chart' | 'warning';
}

/** The note every corpus block is rendered in (self-links point here). */
export const HOSTILE_NOTE = 'Hostile.md';

/** `base` plus extra lines (the base alone is a valid block). */
const withLines = (base: string, ...lines: string[]): string => [base, ...lines].filter((l) => l !== '').join('\n');

/** Payloads in `title`, `caption` and `context` for one language. */
function markupBlocks(language: string, base: string): HostileBlock[] {
  const out: HostileBlock[] = [];
  const add = (category: Category, what: string, payload: string, fields: readonly ('title' | 'caption' | 'context')[]) => {
    for (const field of fields) {
      out.push({ name: `${language} / ${category} / ${what} in ${field}`, category, language, source: withLines(base, `${field}: ${payload}`),
        ...(field === 'title' ? { expect: 'chart' as const } : {}) });
    }
  };
  const all = ['title', 'caption', 'context'] as const;
  add('html', 'markup', PAYLOADS.html, all);
  add('img-onerror', '<img onerror>', PAYLOADS.imgOnerror, all);
  add('img-onerror', 'attribute breakout', PAYLOADS.imgOnerrorBreakout, ['caption']);
  add('img-onerror', '<svg onload>', PAYLOADS.svgOnload, ['caption']);
  add('script', '<script>', PAYLOADS.script, all);
  add('script', '<script src>, <iframe srcdoc>, ontoggle, templates',
    `${PAYLOADS.scriptSrc} ${PAYLOADS.iframe} ${PAYLOADS.detailsOntoggle} ${PAYLOADS.template}`, ['caption']);
  add('javascript-link', 'markdown link', PAYLOADS.markdownJsLink, all);
  add('javascript-link', '<a href>', PAYLOADS.htmlJsLink, ['caption']);
  add('javascript-link', 'wiki-link', PAYLOADS.wikiJsLink, ['caption', 'context']);
  return out;
}

/** Links to missing notes, to the block's own note, and around a cycle of notes. */
function linkBlocks(language: string, base: string): HostileBlock[] {
  const self = HOSTILE_NOTE.replace(/\.md$/, '');
  const cycleA = `Cycle A (${language})`;
  const cycleB = `Cycle B (${language})`;
  const linking = (target: string) => `\`\`\`${language}\n${withLines(base, `context: "[[${target}]]"`)}\n\`\`\`\n`;
  return [
    { name: `${language} / missing-link / context`, category: 'missing-link', language,
      source: withLines(base, 'context: "[[No such note]]", "[[Hostile#No such heading]]", "[[Hostile#^nosuchblock]]"') },
    { name: `${language} / missing-link / caption`, category: 'missing-link', language,
      source: withLines(base, 'caption: see [[No such note]] and [[No/such/folder/note#x|alias]]'), expect: 'chart' },
    { name: `${language} / self-link / whole note`, category: 'self-link', language, source: withLines(base, `context: "[[${self}]]"`) },
    { name: `${language} / self-link / same-note heading`, category: 'self-link', language,
      source: withLines(base, 'context: "[[#Top]]"', `caption: "[[${self}]] links to itself"`) },
    { name: `${language} / link-cycle / A → B → A`, category: 'link-cycle', language, source: withLines(base, `context: "[[${cycleA}]]"`),
      files: { [`${cycleA}.md`]: `# A\n\n${linking(cycleB)}`, [`${cycleB}.md`]: `# B\n\n${linking(cycleA)}\n${linking(self)}` } },
  ];
}

/** Hostile blocks that make sense for ANY block language (run for every registered kind). */
export function genericHostileBlocks(language: string): HostileBlock[] {
  const { listKey, base } = vocabularyOf(language);
  const entry = (category: Category, what: string, source: string, expect?: 'error' | 'chart' | 'warning'): HostileBlock =>
    ({ name: `${language} / ${category} / ${what}`, category, language, source, ...(expect ? { expect } : {}) });
  return [
    entry('unknown-name', 'unknown activation', `${listKey}: Sigmod, Swish2, nn.Foo, torch.nn.ReLU6x`, 'error'),
    entry('unknown-name', 'unknown key with a typo', withLines(base, 'titel: hello'), 'warning'),
    entry('unknown-name', 'Chinese key', withLines(base, '学习率: 0.1'), 'warning'),
    entry('prototype-keys', '__proto__ key', withLines(base, '__proto__: {"polluted": "yes"}'), 'warning'),
    entry('prototype-keys', 'constructor and prototype keys', withLines(base, 'constructor: prototype', 'prototype: {polluted: 1}'), 'warning'),
    entry('prototype-keys', 'nested __proto__ map', withLines(base, '__proto__:', '  polluted: yes', '  constructor:', '    prototype: x'), 'error'),
    // Two lists, each short enough for every kind's list key (dead-relu takes at most 4), so the names are what fails.
    entry('prototype-keys', 'prototype names as activations', `${listKey}: __proto__, constructor, prototype`, 'error'),
    entry('prototype-keys', 'Object method names as activations', `${listKey}: toString, hasOwnProperty`, 'error'),
    entry('prototype-keys', 'prototype names as parameters', `${listKey}: LeakyReLU(__proto__=1), ELU(constructor=2), PReLU(prototype=3)`, 'error'),
    entry('malformed-yaml', 'unclosed flow list', `${listKey}: [ReLU, Tanh`),
    entry('malformed-yaml', 'colons and anchors', ': : :\n&a *a\n? complex\n!!python/object/apply:os.system ["rm -rf /"]', 'error'),
    entry('malformed-yaml', 'duplicate key', withLines(base, `${listKey}: Sigmoid`), 'error'),
    entry('malformed-yaml', 'unterminated quotes', `${listKey}: "ReLU, 'Tanh\ntitle: "open`),
    entry('malformed-yaml', 'document markers and a list without a key', `---\n- ReLU\n- Tanh\n...\n${listKey}:`),
    entry('tabs', 'tab indentation and separators', `\t${listKey}:\tReLU,\tTanh\n\t\n\ttitle:\tTabs\teverywhere`),
    entry('tabs', 'tab-indented block list', `${listKey}:\n\t- ReLU\n\t- Tanh`),
    entry('empty-body', 'nothing at all', ''),
    entry('empty-body', 'only whitespace and comments', '   \n\t\n# just a comment\n\u3000'),
    entry('megabyte-body', '1 MiB of text', megabyteBody(`${listKey}: ReLU`)),
    entry('binary-junk', 'seeded bytes', binaryJunk(7 + language.length, 4096).replace(/`/g, "'")),
    entry('binary-junk', 'NUL and control characters in values', `${listKey}: ReLU\u0000, Tanh\u0007\ntitle: \u202e\u0000\u001b[31mred`),
    entry('nested-yaml', '200 nested maps', nestedMaps(200, 'ReLU')),
    entry('nested-yaml', '10 000 nested brackets', `${listKey}: ${nestedFlow(10_000, '[')}`),
    entry('nested-yaml', '2 000 nested braces', `${listKey}: ${nestedFlow(2_000, '{')}`),
    entry('nested-yaml', '100 nested list levels', nestedList(listKey, 100)),
    ...markupBlocks(language, base),
    ...linkBlocks(language, base),
  ];
}

/** The corpus for the four languages the issues define (generic blocks plus each language's own). */
export const HOSTILE_CORPUS: readonly HostileBlock[] = KNOWN_LANGUAGES.flatMap((language) => [
  ...genericHostileBlocks(language),
  ...specificHostileBlocks(language),
]);
