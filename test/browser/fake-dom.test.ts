import { afterEach, describe, expect, it } from 'vitest';
import * as viaAlias from 'obsidian';
import * as fake from '../fakes/obsidian';
import { setIcon } from '../fakes/obsidian';

afterEach(() => document.body.replaceChildren());

describe('fake obsidian module in Chromium', () => {
  it("runs in a real Chromium, and 'obsidian' resolves to the fake", () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(viaAlias.Plugin).toBe(fake.Plugin);
  });
});

describe('DOM helpers (imitate obsidian.d.ts global Node/Element/HTMLElement helpers)', () => {
  it('createEl applies cls (string or array), text, attr, title, value, type, placeholder, href, parent, prepend', () => {
    const host = document.body.createDiv({ cls: 'host' });
    const first = host.createSpan({ text: 'first' });
    const input = host.createEl('input', {
      cls: ['a', 'b c'],
      value: '3',
      type: 'number',
      placeholder: 'p',
      title: 't',
      attr: { 'data-x': 1, hidden: false, 'aria-label': 'L' },
    });
    expect([...input.classList]).toEqual(['a', 'b', 'c']);
    expect(() => input.addClass('x y')).toThrow();
    expect([
      input.value,
      input.type,
      input.placeholder,
      input.title,
      input.getAttr('data-x'),
      input.hasAttribute('hidden'),
      input.getAttr('aria-label'),
    ]).toEqual(['3', 'number', 'p', 't', '1', false, 'L']);
    const link = host.createEl('a', { href: 'https://example.com', prepend: true });
    expect(host.firstChild).toBe(link);
    expect(first.textContent).toBe('first');
    const detached = createEl('p', { text: '<b>not html</b>' });
    expect(detached.parentNode).toBeNull();
    expect(detached.childElementCount).toBe(0);
    expect(detached.getText()).toBe('<b>not html</b>');
    const other = createDiv();
    createSpan({ parent: other, text: 'x' });
    expect(other.textContent).toBe('x');
  });

  it('createEl callback receives the element; string options are a class; text may be a fragment', () => {
    let seen: HTMLElement | null = null;
    const el = document.body.createDiv('one two', (e) => {
      seen = e;
    });
    expect(seen).toBe(el);
    expect(el.className).toBe('one two');
    const frag = createFragment((f) => f.createEl('b', { text: 'bold' }));
    const p = document.body.createEl('p', { text: frag });
    expect(p.querySelector('b')?.textContent).toBe('bold');
  });

  it('empty, setText, detach, class helpers, setAttr/setAttrs/getAttr, find/findAll', () => {
    const el = document.body.createDiv();
    el.createSpan({ cls: 'k', text: 'a' });
    el.createSpan({ cls: 'k', text: 'b' });
    expect(el.find('.k')?.textContent).toBe('a');
    expect(el.findAll('.k')).toHaveLength(2);
    el.empty();
    expect(el.childNodes).toHaveLength(0);
    el.setText('<i>x</i>');
    expect(el.childElementCount).toBe(0);
    el.addClass('a', 'b');
    el.removeClass('a');
    el.toggleClass('c', true);
    el.toggleClass(['b'], false);
    expect(el.className).toBe('c');
    expect(el.hasClass('c')).toBe(true);
    el.setAttrs({ role: 'img', 'aria-hidden': true, gone: null });
    el.setAttr('role', null);
    expect([el.getAttr('role'), el.getAttr('aria-hidden'), el.hasAttribute('gone')]).toEqual([null, 'true', false]);
    el.detach();
    expect(el.isConnected).toBe(false);
  });

  it('createSvg makes SVG-namespace elements; setIcon leaves an svg placeholder with data-icon', () => {
    const svg = document.body.createSvg('svg', { cls: 'chart', attr: { viewBox: '0 0 10 10' } });
    const line = svg.createSvg('line', { attr: { x1: 0 } });
    expect(line.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 10 10');
    const btn = document.body.createDiv();
    setIcon(btn, 'play');
    setIcon(btn, 'pause');
    expect(btn.querySelectorAll('svg')).toHaveLength(1);
    expect(btn.querySelector('svg')?.getAttribute('data-icon')).toBe('pause');
  });

  it('isShown, show/hide/toggle, instanceOf, activeDocument/activeWindow', () => {
    const outer = document.body.createDiv();
    const inner = outer.createDiv({ text: 'x' });
    expect(inner.isShown()).toBe(true);
    outer.hide();
    expect(inner.isShown()).toBe(false);
    outer.show();
    inner.toggle(false);
    expect(inner.isShown()).toBe(false);
    expect(createDiv().isShown()).toBe(false);
    expect(inner.instanceOf(HTMLDivElement)).toBe(true);
    expect(inner.instanceOf(HTMLSpanElement)).toBe(false);
    expect(activeDocument).toBe(document);
    expect(activeWindow).toBe(window);
  });
});
