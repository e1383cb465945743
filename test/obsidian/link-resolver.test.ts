/**
 * The glue's LinkResolver over the project's Obsidian fake, checked against the pure reference resolution
 * (test/fakes/metadata/vault.ts) for every link written in the tricky vault and the seed vault, plus the parts
 * the reference leaves out: whole notes without frontmatter, truncation, `[[#Heading]]` from the block's note.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { App } from '../fakes/obsidian';
import type { App as ObsidianApp } from 'obsidian';
import { parseWikiLink, type WikiLink } from '../../src/core/links/wikilinks';
import { ObsidianLinkResolver } from '../../src/obsidian/link-resolver';
import { FakeVault } from '../fakes/metadata/vault';
import { readVaultDir } from '../fakes/vault-files';
import { FIXTURES } from '../helpers/reference';

const TRICKY = fileURLToPath(new URL('../fixtures/tricky-vault', import.meta.url));
const SEED = `${FIXTURES}/vault`;

const link = (text: string): WikiLink => {
  const r = parseWikiLink(text);
  if (!r.ok) throw new Error(`bad link ${text}`);
  return r.value;
};
const resolverFor = (dir: string, maxChars?: number) =>
  new ObsidianLinkResolver(new App(readVaultDir(dir)) as unknown as ObsidianApp, maxChars);

describe.each([
  ['tricky vault', TRICKY],
  ['seed vault', SEED],
])('%s: every link written in it', (_name, dir) => {
  const reference = FakeVault.fromFolder(dir);
  const resolver = resolverFor(dir);
  const written = reference
    .paths()
    .filter((p) => p.endsWith('.md'))
    .flatMap((source) => (reference.cache(source).links ?? []).map((l) => ({ source, linktext: l.link })));

  it('has links to check', () => {
    expect(written.length).toBeGreaterThan(5);
  });

  it.each(written.filter((w) => w.linktext.includes('#')))(
    '$linktext from $source resolves like Obsidian',
    async ({ source, linktext }) => {
      expect(await resolver.resolve(link(`[[${linktext}]]`), source)).toEqual({
        ...reference.resolveText(linktext, source),
        ...okTotal(reference, linktext, source),
      });
    },
  );

  it.each(written.filter((w) => !w.linktext.includes('#')))(
    '$linktext from $source finds the same note',
    async ({ source, linktext }) => {
      const got = await resolver.resolve(link(`[[${linktext}]]`), source);
      const want = reference.resolveText(linktext, source);
      expect(got.ok ? got.path : got).toEqual(want.ok ? want.path : want);
    },
  );
});

/** The resolver also reports the full length of the text (for the truncation note). */
function okTotal(reference: FakeVault, linktext: string, source: string): object {
  const r = reference.resolveText(linktext, source);
  return r.ok ? { total: r.text.length } : {};
}

describe('what a panel shows', () => {
  const shared = resolverFor(SEED);
  const tricky = resolverFor(TRICKY);

  it('a heading section runs to the next heading of the same or higher level (subsections included)', async () => {
    const r = await shared.resolve(link('[[神经网络#基本模型]]'), '激活函数.md');
    expect(r.ok && r.text).toMatch(/^## 基本模型\n最简单的单隐藏层神经网络/);
    expect(r.ok && r.text).toContain('### 参数规模');
    expect(r.ok && r.text).not.toContain('反向传播');
    const algebra = await shared.resolve(link('"[[代数学#线性变换]]"'), '激活函数.md');
    expect(algebra.ok && algebra.text).toContain('则称 $T$ 为线性变换');
    expect(algebra.ok && algebra.text).not.toContain('## 矩阵');
  });

  it('a block ref is its paragraph', async () => {
    const r = await shared.resolve(link('[[神经网络#^bp-chain]]'), '激活函数.md');
    expect(r).toMatchObject({ ok: true, path: '神经网络.md' });
    expect(r.ok && r.text).toMatch(/^训练使用 BP 算法[\s\S]*\^bp-chain$/);
  });

  it('a whole note comes without its frontmatter', async () => {
    const r = await shared.resolve(link('[[神经网络|NN]]'), '激活函数.md');
    expect(r.ok && r.text).toMatch(/^# 神经网络\n/);
    expect(r.ok && r.text).not.toContain('aliases');
  });

  it('heading chains, punctuation, case and Chinese headings resolve as Obsidian matches them', async () => {
    const details = await tricky.resolve(link('[[Headings#Overview#Details]]'), 'Index.md');
    expect(details.ok && details.text).toMatch(
      /^### Details\n\nOverview details text\.\n\n#### Deep\n\nDeep text\.\n\n$/,
    );
    const punct = await tricky.resolve(link('[[headings#setup step 1 draft]]'), 'Index.md');
    expect(punct.ok && punct.text).toMatch(/^## Setup: Step 1 \(draft\)/);
    const zh = await tricky.resolve(link('[[Headings#激活函数：ReLU 与 GELU#梯度]]'), 'Index.md');
    expect(zh.ok && zh.text).toMatch(/^### 梯度\n\nReLU 的梯度。/);
  });

  it("[[#Heading]] means the block's own note, never another one", async () => {
    const r = await tricky.resolve(link('[[#Part two]]'), 'Loop/Self.md');
    expect(r).toMatchObject({ ok: true, path: 'Loop/Self.md' });
    expect(r.ok && r.text.trim()).toBe('## Part two\n\nThe end.');
  });

  it('names exactly what is missing', async () => {
    expect(await tricky.resolve(link('[[Nowhere]]'), 'Broken.md')).toEqual({
      ok: false,
      missing: 'note',
      what: 'Nowhere',
    });
    expect(await tricky.resolve(link('[[Headings#No such heading]]'), 'Broken.md')).toEqual({
      ok: false,
      missing: 'heading',
      what: '#No such heading',
    });
    expect(await tricky.resolve(link('[[Blocks#^no-such-block]]'), 'Broken.md')).toEqual({
      ok: false,
      missing: 'block',
      what: '#^no-such-block',
    });
  });

  it('cuts a huge target and says how long it was', async () => {
    const small = resolverFor(SEED, 100);
    const r = await small.resolve(link('[[神经网络]]'), '激活函数.md');
    expect(r).toMatchObject({ ok: true, truncated: true });
    expect(r.ok && r.text.length).toBeLessThanOrEqual(100);
    expect(r.ok && r.total).toBeGreaterThan(300);
  });
});
