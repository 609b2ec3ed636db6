import type { ServerResponse } from 'node:http';
import { sendError, sendJson } from '../../lib/http.ts';
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
  if (after && !cursor) return sendError(res, 400, 'bad_cursor', 'after must be a cursor from a previous answer');
  sendJson(res, 200, journal.read(cursor, limit));
}
