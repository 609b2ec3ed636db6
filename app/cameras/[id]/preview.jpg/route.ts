import { proxyToOrigin } from '@/lib/origin-proxy';

type Context = { params: Promise<{ id: string }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return proxyToOrigin(request, `/cameras/${encodeURIComponent(id)}/preview.jpg${new URL(request.url).search}`);
}

export { handle as GET, handle as HEAD };
