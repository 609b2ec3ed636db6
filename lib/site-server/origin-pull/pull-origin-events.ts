import { z } from 'zod';
import { countPreviewFetch } from '../../analytics/analytics-metrics.ts';
import type { JournaledEvent } from '../../origin-events.ts';
import { applyOriginEvents, getOriginCursor } from '../../queries/origin-events.ts';
import { privateOriginHeaders } from '../origin-client.ts';

export type PullTarget = { originUrl: string; token?: string; timeoutMs?: number };
export type PullResult = { applied: number; gap: boolean };

const page = z.object({
  journal: z.string(),
  next: z.string().min(1),
  more: z.boolean(),
  gap: z.boolean(),
  events: z.array(z.looseObject({ seq: z.number().int(), type: z.enum(['health', 'preview-fetches']) })),
});

const PAGE = 200; // events per transaction: short enough not to hold the database long

// A kept-alive connection the origin closed while a page was being written fails the next
// request at once; a GET is safe to send again.
function getOnce(url: string, target: PullTarget): Promise<Response> {
  return fetch(url, { headers: privateOriginHeaders(target.token), cache: 'no-store', signal: AbortSignal.timeout(target.timeoutMs ?? 10_000) });
}

// Reads the origin's journal from the stored cursor until it is caught up, recording each
// page in one transaction with the cursor it moves to.
export async function pullOriginEvents(target: PullTarget): Promise<PullResult> {
  let applied = 0;
  let gap = false;
  for (;;) {
    const from = await getOriginCursor(target.originUrl);
    const url = `${target.originUrl}/events?limit=${PAGE}${from ? `&after=${encodeURIComponent(from)}` : ''}`;
    const response = await getOnce(url, target).catch(() => getOnce(url, target));
    if (!response.ok) throw new Error(`${response.status} from the origin's /events`);
    const body = page.parse(await response.json());
    gap ||= body.gap;
    if (body.next !== from && !(await applyOriginEvents(target.originUrl, from, body.next, body.events as unknown as JournaledEvent[]))) {
      throw new Error('another puller moved the cursor');
    }
    countOriginPreviewFetches(body.events as unknown as JournaledEvent[]);
    applied += body.events.length;
    if (!body.more) return { applied, gap };
  }
}

function countOriginPreviewFetches(events: JournaledEvent[]): void {
  for (const event of events) if (event.type === 'preview-fetches') countPreviewFetch(event.cameraId, event.portal, 'origin', event.fetches);
}
