import { proxyToOrigin } from '@/lib/origin-proxy';

// The stable URL weather portals scrape: the default camera's preview.
async function handle(request: Request): Promise<Response> {
  return proxyToOrigin(request, `/preview.jpg${new URL(request.url).search}`);
}

export { handle as GET, handle as HEAD };
