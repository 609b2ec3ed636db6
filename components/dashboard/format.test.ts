import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatHours, formatLocal } from './format.ts';

describe('dashboard figures', () => {
  it('counts in full below 100,000 and compactly above', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(99_999)).toBe('99,999');
    expect(formatCount(123_456)).toBe('123.5K');
    expect(formatCount(2_000_000)).toBe('2M');
  });

  it('shows hours with one decimal below 10 h and whole hours above', () => {
    expect(formatHours(0)).toBe('0 h');
    expect(formatHours(5400)).toBe('1.5 h');
    expect(formatHours(36_000 + 1400)).toBe('10 h'); // 10.39 h: whole hours from 10 h
    expect(formatHours(3600 * 12_345)).toBe('12,345 h');
  });

  it('formats an instant in each zone it is asked for, with each set of options', () => {
    const at = Date.parse('2026-07-01T12:00:00Z');
    expect(formatLocal(at, 'Europe/Zurich', { timeStyle: 'short' })).toBe('14:00');
    expect(formatLocal(at, 'America/Denver', { timeStyle: 'short' })).toBe('06:00');
    expect(formatLocal(at, 'Europe/Zurich', { dateStyle: 'medium' })).toBe('1 Jul 2026');
    expect(formatLocal(at, 'Europe/Zurich', { timeStyle: 'short' })).toBe('14:00');
  });

  it('describes a change against the previous period', () => {
    expect(formatChange(0, 0)).toEqual({ text: '±0 %', trend: 'flat' });
    expect(formatChange(5, 0)).toEqual({ text: 'new', trend: 'up' });
    expect(formatChange(90, 100)).toEqual({ text: '−10 %', trend: 'down' });
  });
});
