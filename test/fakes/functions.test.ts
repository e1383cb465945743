import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiVersion, debounce, getLanguage, requireApiVersion, setApiVersion, setLanguage } from './functions';

afterEach(() => {
  vi.useRealTimers();
  setLanguage('en');
  setApiVersion('1.13.1');
});

describe('debounce (imitates obsidian debounce/Debouncer)', () => {
  it('without resetTimer fires `timeout` ms after the FIRST call, with the latest args', () => {
    vi.useFakeTimers();
    const cb = vi.fn();
    const d = debounce(cb, 100);
    d(1);
    vi.advanceTimersByTime(60);
    d(2);
    vi.advanceTimersByTime(40);
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenLastCalledWith(2);
  });

  it('with resetTimer fires `timeout` ms after the LAST call', () => {
    vi.useFakeTimers();
    const cb = vi.fn();
    const d = debounce(cb, 100, true);
    d(1);
    vi.advanceTimersByTime(60);
    d(2);
    vi.advanceTimersByTime(60);
    expect(cb).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(cb).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('cancel() drops the pending call; run() calls it now and returns its value; both chain', () => {
    vi.useFakeTimers();
    const cb = vi.fn((x: number) => x * 2);
    const d = debounce(cb, 100);
    expect(d(1).cancel()).toBe(d);
    vi.runAllTimers();
    expect(cb).not.toHaveBeenCalled();
    d(21);
    expect(d.run()).toBe(42);
    expect(d.run()).toBeUndefined();
    vi.runAllTimers();
    expect(cb).toHaveBeenCalledTimes(1);
  });
});

describe('getLanguage / apiVersion / requireApiVersion', () => {
  it('getLanguage defaults to en and follows setLanguage', () => {
    expect(getLanguage()).toBe('en');
    setLanguage('de');
    expect(getLanguage()).toBe('de');
  });

  it('requireApiVersion compares numerically against the live apiVersion binding', () => {
    setApiVersion('1.10.2');
    expect(apiVersion).toBe('1.10.2');
    expect(requireApiVersion('1.9.10')).toBe(true);
    expect(requireApiVersion('1.10.2')).toBe(true);
    expect(requireApiVersion('1.10.3')).toBe(false);
    expect(requireApiVersion('1.11')).toBe(false);
  });
});
