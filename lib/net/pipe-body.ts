import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Streams a file or an upstream body into a response. pipeline() destroys the source when the
// client goes away mid-download; a bare .pipe() only unpipes it, leaving the file descriptor
// (or the upstream socket) open until garbage collection finds it.
export async function pipeBody(source: Readable, response: ServerResponse): Promise<void> {
  try {
    await pipeline(source, response);
  } catch {
    // The client left or the source failed: both ends are destroyed already.
  }
}
