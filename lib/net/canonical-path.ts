// A path in its one canonical spelling: non-empty segments of plain characters, none of them
// `.` or `..` or hidden, no percent-encoding, backslash or control character. Caches key on
// the path as sent while servers normalise it, so every other spelling of a media path would
// be a separate cache entry reaching the same file (`/r1/../preview.jpg`): refused instead.
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

export function isCanonicalPath(path: string): boolean {
  if (path === '/') return true;
  if (!path.startsWith('/')) return false;
  return path
    .slice(1)
    .split('/')
    .every((segment) => SEGMENT.test(segment));
}
