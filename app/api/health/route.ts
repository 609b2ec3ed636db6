import { jsonResponse } from '@/lib/http';
import { getWorkerHealth, toPublicHealth } from '@/lib/site-server/worker-health';

export async function GET(): Promise<Response> {
  const health = await getWorkerHealth();
  return jsonResponse(health.ok ? 200 : 503, toPublicHealth(health));
}
