// Who watches a demo camera: mixes by country, device and source, and the Smart TV abroad.
export const DEFAULT_LOCATION = { lat: 47.37, lon: 8.54 }; // used when a camera has none

const HOME_BY_ZONE_PREFIX: [string, string][] = [
  ['Europe/Zurich', 'CH'], ['Europe/Berlin', 'DE'], ['Europe/Vienna', 'AT'], ['Europe/Paris', 'FR'],
  ['Europe/London', 'GB'], ['Europe/Rome', 'IT'], ['Europe/Amsterdam', 'NL'], ['America/', 'US'],
  ['Australia/', 'AU'], ['Asia/Tokyo', 'JP'],
];

export function guessHomeCountry(timeZone: string): string {
  return HOME_BY_ZONE_PREFIX.find(([prefix]) => timeZone.startsWith(prefix))?.[1] ?? 'CH';
}

export function buildCountryMix(home: string): Record<string, number> {
  const abroad: Record<string, number> = { DE: 9, US: 7, GB: 5, FR: 4, IT: 4, NL: 3, AT: 3, JP: 2, PL: 2, BR: 1, '--': 2 };
  delete abroad[home];
  return { [home]: 55, ...abroad };
}

export const DEVICE_MIX = { mobile: 46, desktop: 33, tablet: 10, 'smart-tv': 7, console: 1, other: 3 };
export const MEDIAN_WATCH_SECONDS: Record<keyof typeof DEVICE_MIX, number> = { mobile: 70, desktop: 150, tablet: 120, 'smart-tv': 900, console: 300, other: 60 };
export const SOURCE_MIX = { direct: 46, 'google.com': 16, 'windy.com': 9, 'meteo-blog.example': 10, 'facebook.com': 7, 'reddit.com': 4, 'duckduckgo.com': 3, 'skiclub.example': 5 };

// Portals scrape preview.jpg on a fixed rhythm; most answers come from the edge's cache.
export const PORTALS = [
  { portal: 'windy', perHour: 60, edgeShare: 0.85 },
  { portal: 'webcams-travel', perHour: 12, edgeShare: 0.8 },
  { portal: 'foto-webcam', perHour: 6, edgeShare: 0.5 },
];

// A Smart TV abroad that keeps the stream on 9:00–17:00 on weekdays, in its own time zone.
export function pickSmartTv(home: string): { country: string; timeZone: string } {
  return home === 'US' ? { country: 'DE', timeZone: 'Europe/Berlin' } : { country: 'US', timeZone: 'America/New_York' };
}
