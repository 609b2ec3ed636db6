import type { ServerResponse } from 'node:http';
import { parseCursor } from '../../lib/origin-cursor.ts';
import type { JournalPage } from '../journal/event-journal.ts';
import type { JournalCursor } from '../../lib/origin-cursor.ts';

export type EventSource = { read: (cursor: JournalCursor | null, limit?: number) => JournalPage };

// GET /events?after=<cursor>&limit=<n>: the journal's events after the cursor, oldest first.
export function serveEvents(search: string, res: ServerResponse, journal: EventSource): void {
  const params = new URLSearchParams(search);
  const limit = Math.min(Math.max(Number(params.get('limit') ?? 500) || 500, 1), 1000);
  const after = params.get('after');
  const cursor = parseCursor(after);
  if (after && !cursor) return sendJson(res, 400, { error: { code: 'bad_cursor', message: 'after must be a cursor from a previous answer' } });
  sendJson(res, 200, journal.read(cursor, limit));
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}
