// Weather and webcam portals that fetch preview.jpg. The owner gives each one a URL with
// `?src=<portal>`; a few well-known scrapers are also recognised by their User-Agent.
const KNOWN_SCRAPERS: [portal: string, pattern: RegExp][] = [
  ['windy', /windy/i],
  ['webcams-travel', /webcams\.travel|webcamstravel/i],
  ['foto-webcam', /foto-webcam/i],
  ['wetteronline', /wetteronline/i],
  ['meteoblue', /meteoblue/i],
  ['roundshot', /roundshot/i],
  ['skyline-webcams', /skylinewebcams/i],
];

const PORTAL_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

// A `src` value is kept only when it looks like a portal name; anything else is not trusted.
export function normalizePortalName(src: string | null | undefined): string | undefined {
  const name = src?.trim().toLowerCase();
  return name && PORTAL_NAME.test(name) ? name : undefined;
}

export function matchPortalUserAgent(userAgent: string | null | undefined): string | undefined {
  if (!userAgent) return undefined;
  return KNOWN_SCRAPERS.find(([, pattern]) => pattern.test(userAgent))?.[0];
}

// Attribution of one preview.jpg fetch: ?src= first, then a known scraper, then "unknown".
export function attributePreviewFetch(src: string | null | undefined, userAgent: string | null | undefined): string {
  return normalizePortalName(src) ?? matchPortalUserAgent(userAgent) ?? 'unknown';
}
