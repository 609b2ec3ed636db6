// Built once: constructing an Intl formatter costs far more than formatting with one, and a
// dashboard page formats hundreds of figures.
const COUNT = { compact: new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }), standard: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }) };
const HOURS = [new Intl.NumberFormat('en', { maximumFractionDigits: 0 }), new Intl.NumberFormat('en', { maximumFractionDigits: 1 })];
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatCount(value: number): string {
  return (value >= 100_000 ? COUNT.compact : COUNT.standard).format(value);
}

export function formatHours(seconds: number): string {
  const hours = seconds / 3600;
  return `${HOURS[hours < 10 ? 1 : 0]!.format(hours)} h`;
}

// "+12 %", "−5 %", "new" when there was nothing before, "±0 %" when flat.
export function formatChange(current: number, previous: number): { text: string; trend: 'up' | 'down' | 'flat' } {
  if (previous === 0) return current === 0 ? { text: '±0 %', trend: 'flat' } : { text: 'new', trend: 'up' };
  const change = Math.round(((current - previous) / previous) * 100);
  if (change === 0) return { text: '±0 %', trend: 'flat' };
  return change > 0 ? { text: `+${change} %`, trend: 'up' } : { text: `−${-change} %`, trend: 'down' };
}

export function formatLocal(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    if (dateTimeFormats.size > 200) dateTimeFormats.clear();
    dateTimeFormats.set(key, format);
  }
  return format.format(new Date(ms));
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function formatCountry(code: string): string {
  if (code === '--' || !/^[A-Z]{2}$/.test(code)) return 'Unknown';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
