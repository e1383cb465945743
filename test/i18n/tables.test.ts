import { describe, expect, test } from 'vitest';
import { en, zh } from '../helpers/message-tables';
import { messages } from '../../src/i18n/messages';
import { resolveLang, t } from '../../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string tables', () => {
  test('every key has exactly one English and one Chinese string', () => {
    for (const [key, row] of Object.entries(messages)) {
      expect({ key, types: (row as unknown[]).map((s) => typeof s) }).toEqual({ key, types: ['string', 'string'] });
    }
    expect(Object.keys(zh)).toEqual(Object.keys(en));
  });

  test('every key has the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, p: placeholders(zh[key]) }).toEqual({ key, p: placeholders(en[key]) });
    }
  });

  test('no empty strings; Chinese strings are really translated', () => {
    const same = new Set([
      'slider.param',
      'demo.gradientRatio',
      'nl.item',
      'nl.data.xor',
      'demo.clauses',
      'settings.language.en',
      'settings.language.zh',
    ]);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      if (!same.has(key) && !key.startsWith('problem.list')) expect(/[\u4e00-\u9fff]/.test(zh[key]), key).toBe(true);
    }
  });

  test('the seeded UI strings', () => {
    expect(t('en', 'error.title')).toBe('Activation Lab: cannot draw this block');
    expect(t('zh', 'error.title')).toBe('Activation Lab：无法绘制此代码块');
    expect(t('zh', 'overlay.saturationOf', { name: 'Tanh' })).toBe('Tanh：饱和区');
    expect(t('zh', 'overlay.deadZoneOf', { name: 'ReLU' })).toBe('ReLU：零梯度区（f′ = 0）');
    expect(t('en', 'overlay.peakOf', { name: 'Sigmoid', value: 0.25 })).toBe('max Sigmoid′ = 0.25');
    expect(t('zh', 'overlay.peakOf', { name: 'GELU', value: 1.13 })).toBe('GELU′ 最大值 = 1.13');
    expect(t('zh', 'legend.saturation')).toBe('阴影：饱和区');
    expect(t('zh', 'legend.deadZone')).toBe('阴影：零梯度区（f′ = 0）');
    expect(t('zh', 'demo.runDiverged', { label: 'ReLU，学习率 3', step: 12 })).toBe('ReLU，学习率 3（第 12 步发散）');
    expect(t('zh', 'demo.newWeights')).toBe('换一组权重');
    expect(t('zh', 'command.insertActivation')).toBe('插入激活函数图');
    expect(t('zh', 'command.insertGradientFlow')).toBe('插入梯度流演示');
    expect(t('en', 'context.truncated', { shown: 2000, total: 5123 })).toBe(
      'Content truncated (2000 of 5123 characters)',
    );
    expect(t('en', 'context.updateLink', { name: '激活函数' })).toBe('update link to [[激活函数]]');
  });
});

describe('t', () => {
  test('missing arguments leave the placeholder visible; an unknown language falls back to English', () => {
    expect(t('en', 'overlay.peakOf', { value: 1 })).toBe('max {name}′ = 1');
    expect(t('en', 'overlay.saturationOf')).toBe('{name}: saturation');
    expect(t('fr' as 'en', 'demo.layer')).toBe('layer');
  });

  test('every template in both languages fills as a regular-expression replace would, given or missing arguments', () => {
    for (const key of Object.keys(messages) as (keyof typeof messages)[]) {
      for (const [lang, column] of [
        ['en', 0],
        ['zh', 1],
      ] as const) {
        const template = messages[key][column];
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        // Every other placeholder given (a number for the first, strings after), the rest left visible.
        const args = Object.fromEntries(
          names.filter((_, i) => i % 2 === 0).map((n, i) => [n, i === 0 ? 0.25 : `<${n}>`]),
        );
        const expected = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
          Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
        );
        expect(t(lang, key, args)).toBe(expected);
      }
    }
  });

  test('arguments are not looked up on the prototype chain', () => {
    expect(t('en', 'export.failed', Object.create({ reason: 'inherited' }) as Record<string, string>)).toBe(
      'Export failed: {reason}',
    );
  });
});

describe('resolveLang', () => {
  test.each([
    ['zh', undefined, 'zh'],
    ['en', 'zh', 'en'],
    ['auto', 'zh', 'zh'],
    ['auto', 'zh-TW', 'zh'],
    ['auto', 'zh-cn', 'zh'],
    ['auto', 'ZH_CN', 'zh'],
    ['auto', 'en', 'en'],
    ['auto', 'ja', 'en'],
    ['auto', undefined, 'en'],
    ['auto', '', 'en'],
  ] as const)('%s with Obsidian %s → %s', (setting, obsidian, lang) => {
    expect(resolveLang(setting, obsidian)).toBe(lang);
  });
});
