import { getWorkerHealth, toPublicHealth } from '@/lib/worker-health';

export async function GET(): Promise<Response> {
  const health = await getWorkerHealth();
  return Response.json(toPublicHealth(health), { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
