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
import { chart, error, warning, type Outcome } from './outcome';

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
export interface HostileBlock extends Partial<Outcome> {
  /** Unique, readable: `<language> / <category> / <what>`. */
  name: string;
  category: Category;
  /** The fence language. */
  language: string;
  /** The block body as typed between the fences. */
  source: string;
  /** Other notes the block links to (cycles), path → text. */
  files?: Readonly<Record<string, string>>;
}

/** The note every corpus block is rendered in (self-links point here). */
export const HOSTILE_NOTE = 'Hostile.md';

/** `base` plus extra lines (the base alone is a valid block). */
const withLines = (base: string, ...lines: string[]): string => [base, ...lines].filter((l) => l !== '').join('\n');

/** The outcome, for the four languages the corpus knows (a kind added later must only show one or the other). */
const outcomeFor = (language: string, outcome: Outcome): Partial<Outcome> =>
  (KNOWN_LANGUAGES as readonly string[]).includes(language) ? outcome : {};

/** Payloads in `title`, `caption` and `context` for one language. */
function markupBlocks(language: string, base: string): HostileBlock[] {
  const out: HostileBlock[] = [];
  const add = (category: Category, what: string, payload: string, fields: readonly ('title' | 'caption' | 'context')[]) => {
    for (const field of fields) {
      // Title and caption are text, shown as text. A context entry must be a wiki-link: markup is not one, so the
      // block warns naming it (quoted up to its first 30 characters) and draws; a wiki-link to no note draws too.
      const outcome = field !== 'context' || payload.startsWith('[[') ? chart : warning(payload.slice(0, 30));
      out.push({ name: `${language} / ${category} / ${what} in ${field}`, category, language, source: withLines(base, `${field}: ${payload}`),
        ...outcomeFor(language, outcome) });
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

/** Links to missing notes, to the block's own note, and around a cycle of notes: all draw (the panels say what they found). */
function linkBlocks(language: string, base: string): HostileBlock[] {
  const self = HOSTILE_NOTE.replace(/\.md$/, '');
  const cycleA = `Cycle A (${language})`;
  const cycleB = `Cycle B (${language})`;
  const linking = (target: string) => `\`\`\`${language}\n${withLines(base, `context: "[[${target}]]"`)}\n\`\`\`\n`;
  const drawn = outcomeFor(language, chart);
  return [
    { name: `${language} / missing-link / context`, category: 'missing-link', language,
      source: withLines(base, 'context: "[[No such note]]", "[[Hostile#No such heading]]", "[[Hostile#^nosuchblock]]"'), ...drawn },
    { name: `${language} / missing-link / caption`, category: 'missing-link', language,
      source: withLines(base, 'caption: see [[No such note]] and [[No/such/folder/note#x|alias]]'), ...drawn },
    { name: `${language} / self-link / whole note`, category: 'self-link', language, source: withLines(base, `context: "[[${self}]]"`), ...drawn },
    { name: `${language} / self-link / same-note heading`, category: 'self-link', language,
      source: withLines(base, 'context: "[[#Top]]"', `caption: "[[${self}]] links to itself"`), ...drawn },
    { name: `${language} / link-cycle / A → B → A`, category: 'link-cycle', language, source: withLines(base, `context: "[[${cycleA}]]"`),
      files: { [`${cycleA}.md`]: `# A\n\n${linking(cycleB)}`, [`${cycleB}.md`]: `# B\n\n${linking(cycleA)}\n${linking(self)}` }, ...drawn },
  ];
}

/** UTF-8 bytes of `text` (what the size limit counts). */
const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** Hostile blocks that make sense for ANY block language (run for every registered kind). */
export function genericHostileBlocks(language: string): HostileBlock[] {
  const { listKey, base } = vocabularyOf(language);
  const entry = (category: Category, what: string, source: string, outcome: Outcome): HostileBlock =>
    ({ name: `${language} / ${category} / ${what}`, category, language, source, ...outcomeFor(language, outcome) });
  // The activation chart has no default function; the demos draw their defaults from an empty block.
  const empty = language === 'activation' ? error('the block is empty') : chart;
  // 100 list levels hold 50 ReLU items (every other level is empty): past every kind's list limit. A bad list
  // is an error where the list is required (activation) and a warning over the default list elsewhere.
  const fifty = `${listKey}: 50 items`;
  const megabyte = megabyteBody(`${listKey}: ReLU`);
  const junk = binaryJunk(7 + language.length, 4096).replace(/`/g, "'");
  const braces = nestedFlow(2_000, '{');
  return [
    entry('unknown-name', 'unknown activation', `${listKey}: Sigmod, Swish2, nn.Foo, torch.nn.ReLU6x`,
      error("'Sigmod'", "'Swish2'", "'.' is not part of")),
    entry('unknown-name', 'unknown key with a typo', withLines(base, 'titel: hello'), warning("'titel'")),
    entry('unknown-name', 'Chinese key', withLines(base, '学习率: 0.1'), warning("'学习率'")),
    entry('prototype-keys', '__proto__ key', withLines(base, '__proto__: {"polluted": "yes"}'), warning("'__proto__'")),
    entry('prototype-keys', 'constructor and prototype keys', withLines(base, 'constructor: prototype', 'prototype: {polluted: 1}'),
      warning("'constructor'", "'prototype'")),
    entry('prototype-keys', 'nested __proto__ map', withLines(base, '__proto__:', '  polluted: yes', '  constructor:', '    prototype: x'),
      error("'polluted: yes'")),
    // Two lists, each short enough for every kind's list key (dead-relu takes at most 4), so the names are what fails.
    entry('prototype-keys', 'prototype names as activations', `${listKey}: __proto__, constructor, prototype`,
      error("'__proto__'", "'constructor'", "'prototype'")),
    entry('prototype-keys', 'Object method names as activations', `${listKey}: toString, hasOwnProperty`,
      error("'toString'", "'hasOwnProperty'")),
    entry('prototype-keys', 'prototype names as parameters', `${listKey}: LeakyReLU(__proto__=1), ELU(constructor=2), PReLU(prototype=3)`,
      error("'__proto__'", "'constructor'", "'prototype'")),
    entry('malformed-yaml', 'unclosed flow list', `${listKey}: [ReLU, Tanh`, error("'[ReLU, Tanh'")),
    entry('malformed-yaml', 'colons and anchors', ': : :\n&a *a\n? complex\n!!python/object/apply:os.system ["rm -rf /"]',
      error("':'", "'&'", "'?'", "'!'")),
    entry('malformed-yaml', 'duplicate key', withLines(base, `${listKey}: Sigmoid`), error(`'${listKey}'`)),
    entry('malformed-yaml', 'unterminated quotes', `${listKey}: "ReLU, 'Tanh\ntitle: "open`, error('closing quote')),
    entry('malformed-yaml', 'document markers and a list without a key', `---\n- ReLU\n- Tanh\n...\n${listKey}:`, error("'---'")),
    entry('tabs', 'tab indentation and separators', `\t${listKey}:\tReLU,\tTanh\n\t\n\ttitle:\tTabs\teverywhere`, chart),
    entry('tabs', 'tab-indented block list', `${listKey}:\n\t- ReLU\n\t- Tanh`, chart),
    entry('empty-body', 'nothing at all', '', empty),
    entry('empty-body', 'only whitespace and comments', '   \n\t\n# just a comment\n\u3000', empty),
    entry('megabyte-body', '1 MiB of text', megabyte, error(`${bytes(megabyte)} bytes`)),
    // Seeded junk: line 1 is unreadable, except where it reads as a bare list capped in length (dead-relu, nonlinearity: too long a list).
    entry('binary-junk', 'seeded bytes', junk, language === 'dead-relu' || language === 'nonlinearity' ? warning('Line 1', 'too many') : error('Line 1: cannot read')),
    entry('binary-junk', 'NUL and control characters in values', `${listKey}: ReLU\u0000, Tanh\u0007\ntitle: \u202e\u0000\u001b[31mred`,
      error('Line 1, column 5')),
    entry('nested-yaml', '200 nested maps', nestedMaps(200, 'ReLU'), error("'a1:'")),
    entry('nested-yaml', '10 000 nested brackets', `${listKey}: ${nestedFlow(10_000, '[')}`, error("'[[[[[[[[")),
    entry('nested-yaml', '2 000 nested braces', `${listKey}: ${braces}`, error(`${braces.length} characters`)),
    entry('nested-yaml', '100 nested list levels', nestedList(listKey, 100), language === 'activation' ? error(fifty) : warning(fifty)),
    ...markupBlocks(language, base),
    ...linkBlocks(language, base),
  ];
}

/** The corpus for the four languages the issues define (generic blocks plus each language's own). */
export const HOSTILE_CORPUS: readonly HostileBlock[] = KNOWN_LANGUAGES.flatMap((language) => [
  ...genericHostileBlocks(language),
  ...specificHostileBlocks(language),
]);
