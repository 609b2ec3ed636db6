// What the overlays say, in the camera's own time zone (a viewer abroad reads the
// camera's clock, as on the page).
export function formatLabelText(name: string, capturedAt: number, timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(capturedAt);
  return `${name} · ${when.replace(',', '')}`;
}

// "Offline since 14:05 (camera time)"; the date joins in when it is no longer today there.
export function formatOfflineText(since: number, now: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(since);
  const sameDay = day.format(since) === day.format(now);
  return `Offline since ${sameDay ? '' : `${day.format(since)} `}${clock} (camera time)`;
}
