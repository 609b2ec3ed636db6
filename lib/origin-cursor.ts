// A position in a worker's event journal, as `/events?after=<cursor>` takes it: the journal's
// id (new whenever the worker's data directory is) and the last sequence number read.
export type JournalCursor = { journal: string; seq: number };

export function formatCursor(cursor: JournalCursor): string {
  return `${cursor.journal}.${cursor.seq}`;
}

// null for a missing or malformed cursor: read from the start.
export function parseCursor(text: string | null | undefined): JournalCursor | null {
  const match = /^([0-9a-f]{1,32})\.(\d{1,15})$/.exec(text ?? '');
  return match ? { journal: match[1]!, seq: Number(match[2]) } : null;
}
