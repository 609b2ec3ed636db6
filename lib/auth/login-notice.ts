// The login route answers a plain HTML form, so its refusals that are not redirects (429, the
// HTTPS refusal, a foreign Origin) are small HTML pages that link back to the form.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderLoginNotice(status: number, title: string, message: string, headers: Record<string, string> = {}): Response {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Lookout</title><meta name="robots" content="noindex">
<body style="font:16px system-ui,sans-serif;background:#0a0a0a;color:#eee;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>
<p><a style="color:#7dd3fc" href="/dashboard/login">Back to the login</a></p></body></html>`;
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}

export const HTTPS_REQUIRED_MESSAGE =
  'The dashboard needs HTTPS: over plain HTTP your password would cross the network readable. Open it through the edge with a certificate, or from this machine at http://127.0.0.1.';
