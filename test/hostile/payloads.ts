/**
 * Raw material for hostile blocks: script payloads that set a flag if they ever run, seeded binary junk,
 * a megabyte of text, deep nesting, and the fence that embeds any body in a note without breaking out of it.
 */

/** The global a payload sets when it runs; tests assert it stays unset. */
export const PWNED_FLAG = '__activationLabPwned';

const RUN = `window.${PWNED_FLAG}=true`;

/** Markup and link payloads, one per way a string could become code if a renderer trusted it. */
export const PAYLOADS = {
  html: '<b>bold</b><div style="position:fixed;inset:0;background:red">overlay</div><marquee>hi</marquee>',
  imgOnerror: `<img src="x:/nope" onerror="${RUN}">`,
  imgOnerrorBreakout: `"><img src=x onerror=${RUN}>`,
  svgOnload: `<svg onload="${RUN}"><circle r="5"/></svg>`,
  script: `<script>${RUN}</script>`,
  scriptSrc: `<script src="data:text/javascript,${RUN}"></script>`,
  iframe: `<iframe srcdoc="<script>parent.${PWNED_FLAG}=true</script>"></iframe>`,
  detailsOntoggle: `<details open ontoggle="${RUN}"><summary>x</summary></details>`,
  markdownJsLink: `[click me](javascript:${RUN})`,
  htmlJsLink: `<a href="javascript:${RUN}">click me</a>`,
  wikiJsLink: `[[javascript:${RUN}]]`,
  template: `\${${RUN}} {{constructor.constructor('${RUN}')()}}`,
} as const;

/** The same payloads as a list (for "every payload" loops). */
export const PAYLOAD_LIST: readonly string[] = Object.values(PAYLOADS);

/** A small seeded generator (xorshift32), so the junk is the same on every run. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** `length` characters of seeded binary junk: every code unit 0x00–0xFF plus lone surrogates and bidi controls. */
export function binaryJunk(seed: number, length: number): string {
  const next = xorshift(seed);
  const extras = [0xd800, 0xdfff, 0x202e, 0x2066, 0xfeff, 0xfffd, 0x0085, 0x2028];
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    out += String.fromCharCode(r % 17 === 0 ? extras[r % extras.length] : r % 256);
  }
  return out;
}

/** About one mebibyte of body: a plausible first line, then long lines of text. */
export function megabyteBody(firstLine: string): string {
  const line = 'Sigmoid, Tanh, ReLU, GELU, SiLU — '.repeat(30);
  const lines = [firstLine];
  let size = firstLine.length;
  while (size < 1024 * 1024) {
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** YAML nested `depth` maps deep (`a0:` / `  a1:` / …), ending in `value`. */
export function nestedMaps(depth: number, value: string): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}a${i}:`);
  lines.push(`${'  '.repeat(depth)}${value}`);
  return lines.join('\n');
}

/** A flow value `depth` brackets deep: `[[[ … ]]]` or `{a: {a: … }}`. */
export function nestedFlow(depth: number, open: '[' | '{'): string {
  return open === '[' ? `${'['.repeat(depth)}ReLU${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}ReLU${'}'.repeat(depth)}`;
}

/** A block list nested `depth` levels (`- - - …`). */
export function nestedList(key: string, depth: number): string {
  const lines = [`${key}:`];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- ${i % 2 ? 'ReLU' : ''}`);
  return lines.join('\n');
}

/** The fence that holds `body` in a note: longer than any backtick run inside it, so the body cannot close it. */
export function fenced(language: string, body: string): string {
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${body}\n${fence}\n`;
}
