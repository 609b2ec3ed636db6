// Building an Intl.DateTimeFormat for a time zone costs milliseconds (the first one loads
// ICU's zone data: ~20 ms in Chromium on the camera page's critical path); formatting is cheap.
const formatters = new Map<string, Intl.DateTimeFormat>();

// HH:MM in the camera's time zone, the way visitors read a webcam's clock.
export function formatClock(at: number | Date, timeZone: string, withSeconds = false): string {
  const key = `${timeZone}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined, hourCycle: 'h23' });
    formatters.set(key, formatter);
  }
  return formatter.format(at);
}
