import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

// Turns zod issues into one line each: `  - cameras[1].source: must start with rtsp://…`
export function formatIssues(issues: readonly Issue[], describe: (path: PropertyKey[]) => string = describePath): string {
  return issues.map((issue) => `  - ${describe(issue.path)}: ${issue.message}`).join('\n');
}

export function describePath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}
