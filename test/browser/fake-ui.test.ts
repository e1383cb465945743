import { afterEach, describe, expect, it } from 'vitest';
import { App, FuzzySuggestModal, Menu, Modal, Notice, Setting } from '../fakes/obsidian';

afterEach(() => {
  document.body.replaceChildren();
  Notice.reset();
});

describe('Notice / Menu / Modal / FuzzySuggestModal / Setting imitations', () => {
  it('Notice shows a div.notice with the message as text and records it', () => {
    const n = new Notice('<b>saved</b>', 0);
    expect(document.querySelector('.notice-container .notice')?.textContent).toBe('<b>saved</b>');
    expect(Notice.messages).toEqual(['<b>saved</b>']);
    n.hide();
    expect(document.querySelector('.notice')).toBeNull();
  });

  it('Menu records items, renders them at showAtMouseEvent, clicking runs the item and hides', () => {
    const picked: string[] = [];
    const menu = new Menu()
      .addItem((i) =>
        i
          .setTitle('Copy')
          .setIcon('copy')
          .onClick(() => picked.push('copy')),
      )
      .addSeparator()
      .addItem((i) =>
        i
          .setTitle('Off')
          .setDisabled(true)
          .onClick(() => picked.push('off')),
      );
    menu.showAtMouseEvent(new MouseEvent('contextmenu', { clientX: 10, clientY: 20 }));
    expect(Menu.lastShown).toBe(menu);
    expect(menu.shownAt).toEqual({ x: 10, y: 20 });
    menu.addItem((i) => i.setTitle('too late'));
    expect(menu.items).toHaveLength(3);
    const items = document.querySelectorAll<HTMLElement>('.menu .menu-item');
    items[1].click();
    items[0].click();
    expect(picked).toEqual(['copy']);
    expect(document.querySelector('.menu')).toBeNull();
  });

  it('Modal open/close call onOpen/onClose and attach/detach the container', () => {
    const log: string[] = [];
    class M extends Modal {
      onOpen() {
        this.setTitle('T');
        this.contentEl.setText('body');
        log.push('open');
      }
      onClose() {
        log.push('close');
      }
    }
    const m = new M(new App({}));
    m.setCloseCallback(() => log.push('cb'));
    m.open();
    expect(document.querySelector('.modal-container .modal .modal-title')?.textContent).toBe('T');
    m.close();
    expect(log).toEqual(['open', 'close', 'cb']);
    expect(m.containerEl.isConnected).toBe(false);
  });

  it('FuzzySuggestModal filters by subsequence and choosing closes then calls onChooseItem', async () => {
    const chosen: string[] = [];
    class S extends FuzzySuggestModal<string> {
      getItems() {
        return ['relu', 'gelu', 'sigmoid', 'tanh'];
      }
      getItemText(s: string) {
        return s;
      }
      onChooseItem(s: string) {
        chosen.push(s);
      }
    }
    const s = new S(new App({}));
    s.open();
    await s.setQuery('lu');
    expect(s.shown.map((m) => m.item)).toEqual(['relu', 'gelu']);
    s.resultContainerEl.querySelectorAll<HTMLElement>('.suggestion-item')[1].click();
    expect(chosen).toEqual(['gelu']);
    expect(s.isOpen).toBe(false);
  });

  it('Setting controls: user events call onChange; setValue does not (except a changing toggle)', () => {
    const got: unknown[] = [];
    const el = document.body.createDiv();
    new Setting(el)
      .setName('N')
      .addText((t) => t.setValue('a').onChange((v) => got.push(`text:${v}`)))
      .addDropdown((d) =>
        d
          .addOptions({ x: 'X', y: 'Y' })
          .setValue('y')
          .onChange((v) => got.push(`dd:${v}`)),
      )
      .addSlider((s) =>
        s
          .setLimits(0, 10, 1)
          .setValue(3)
          .onChange((v) => got.push(`slider:${v}`)),
      )
      .addToggle((t) => t.onChange((v) => got.push(`toggle:${v}`)).setValue(true));
    const input = el.querySelector('input[type=text]') as HTMLInputElement;
    input.value = 'b';
    input.dispatchEvent(new Event('input'));
    const select = el.querySelector('select')!;
    select.value = 'x';
    select.dispatchEvent(new Event('change'));
    const slider = el.querySelector('input[type=range]') as HTMLInputElement;
    slider.value = '7';
    slider.dispatchEvent(new Event('input'));
    slider.dispatchEvent(new Event('change'));
    expect(got).toEqual(['toggle:true', 'text:b', 'dd:x', 'slider:7']);
    expect(el.querySelector('.checkbox-container')?.classList.contains('is-enabled')).toBe(true);
  });
});
