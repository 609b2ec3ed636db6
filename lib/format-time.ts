// HH:MM in the camera's time zone, the way visitors read a webcam's clock.
export function formatClock(at: number | Date, timeZone: string, withSeconds = false): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined, hourCycle: 'h23' }).format(at);
}
