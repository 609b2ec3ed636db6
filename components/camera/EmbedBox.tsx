'use client';

import { useState } from 'react';

export function EmbedBox({ code, previewUrl }: { code: string; previewUrl: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <aside className="flex flex-col gap-3 rounded-xl bg-neutral-900 p-4 ring-1 ring-white/10">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-neutral-400">Embed</h2>
      <textarea readOnly value={code} rows={4} aria-label="Embed code" className="w-full resize-none rounded-md bg-neutral-950 p-2 font-mono text-xs text-neutral-200 ring-1 ring-white/10 focus-visible:outline-2 focus-visible:outline-sky-400" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={copy} className="self-start rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400">
        {copied ? 'Copied' : 'Copy embed code'}
      </button>
      <p className="text-sm text-neutral-400">
        For weather portals: <a className="break-all text-sky-400 underline focus-visible:outline-2 focus-visible:outline-sky-400" href={previewUrl}>{previewUrl}</a>
      </p>
    </aside>
  );
}
