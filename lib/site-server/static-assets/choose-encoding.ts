export type Encoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: Encoding[] = ['br', 'gzip', 'identity'];

// Content negotiation on Accept-Encoding (RFC 9110 §12.5.3): the highest q wins, ties go to
// the smaller body (br, then gzip). No header means anything goes; identity is acceptable
// unless refused outright (`identity;q=0`, or `*;q=0` without naming it). null: nothing fits.
export function chooseEncoding(header: string | undefined, available: Encoding[]): Encoding | null {
  if (header === undefined) return available.includes('identity') ? 'identity' : null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding): number =>
    weights.get(encoding) ?? weights.get('*') ?? (encoding === 'identity' ? 0.001 : 0);
  let best: Encoding | null = null;
  for (const encoding of PREFERENCE) {
    if (!available.includes(encoding) || weightOf(encoding) <= 0) continue;
    if (best === null || weightOf(encoding) > weightOf(best)) best = encoding;
  }
  return best;
}
