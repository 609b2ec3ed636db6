import { proxyToOrigin } from '@/lib/origin-proxy';

type Context = { params: Promise<{ camera: string; file: string }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { camera, file } = await params;
  return proxyToOrigin(request, `/hls/${encodeURIComponent(camera)}/${encodeURIComponent(file)}`);
}

export { handle as GET, handle as HEAD };
