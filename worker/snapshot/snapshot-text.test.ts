import { describe, expect, it } from 'vitest';
import { formatLabelText, formatOfflineText } from './snapshot-text.ts';

const at = (iso: string) => Date.parse(iso);

describe('formatLabelText', () => {
  it('shows the camera name and the time in the camera zone, not the server one', () => {
    expect(formatLabelText('Roof', at('2025-07-01T12:30:00Z'), 'Europe/Zurich')).toBe('Roof · 1 Jul 2025 14:30');
    expect(formatLabelText('Roof', at('2025-01-01T12:30:00Z'), 'Europe/Zurich')).toBe('Roof · 1 Jan 2025 13:30');
    expect(formatLabelText('Pier', at('2025-07-01T12:30:00Z'), 'America/New_York')).toBe('Pier · 1 Jul 2025 08:30');
    expect(formatLabelText('Ghat', at('2025-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('Ghat · 1 Jul 2025 17:30');
  });

  it('writes midnight as 00, on the camera date', () => {
    expect(formatLabelText('Roof', at('2025-12-31T23:05:00Z'), 'Europe/Zurich')).toBe('Roof · 1 Jan 2026 00:05');
    expect(formatLabelText('Pier', at('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('Pier · 31 Dec 2025 22:00');
  });
});

describe('formatOfflineText', () => {
  it('gives the clock alone while it is still the same day at the camera', () => {
    expect(formatOfflineText(at('2025-07-01T12:05:00Z'), at('2025-07-01T15:00:00Z'), 'Europe/Zurich')).toBe('Offline since 14:05 (camera time)');
  });

  it('adds the date once the camera passed midnight, in its own zone', () => {
    // 23:30 in Zurich, seen at 00:10 there: already another day, though still the same day in UTC.
    expect(formatOfflineText(at('2025-07-01T21:30:00Z'), at('2025-07-01T22:10:00Z'), 'Europe/Zurich')).toBe('Offline since 1 Jul 23:30 (camera time)');
    expect(formatOfflineText(at('2025-07-01T21:30:00Z'), at('2025-07-01T22:10:00Z'), 'UTC')).toBe('Offline since 21:30 (camera time)');
    expect(formatOfflineText(at('2025-07-01T22:00:00Z'), at('2025-07-01T22:30:00Z'), 'Europe/Zurich')).toBe('Offline since 00:00 (camera time)');
  });
});
