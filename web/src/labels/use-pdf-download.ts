import { useEffect, useRef, useState } from 'react';

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'drawing'; seconds: number }
  | { phase: 'receiving'; done: number; total: number | null }
  | { phase: 'ready'; url: string; file: string; size: number }
  | { phase: 'failed'; message: string };

/**
 * A PDF the server draws before sending it (certificates, running order): while it is drawn the
 * page counts the seconds; once the answer starts, the bytes received against Content-Length; then
 * a `blob:` link to save it. `fetchPdf` is a call of the typed client with `parseAs: 'stream'`.
 */
export function usePdfDownload() {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const urlRef = useRef<string | null>(null);
  useEffect(() => () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
  }, []);

  async function start(fetchPdf: () => Promise<{ response: Response; error?: unknown }>, fallbackName: string) {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    const began = Date.now();
    setState({ phase: 'drawing', seconds: 0 });
    const timer = setInterval(() => setState((s) => (s.phase === 'drawing' ? { phase: 'drawing', seconds: Math.floor((Date.now() - began) / 1000) } : s)), 1000);
    try {
      const { response, error } = await fetchPdf();
      clearInterval(timer);
      if (!response.ok || !response.body) {
        const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : `HTTP ${response.status}`;
        return setState({ phase: 'failed', message });
      }
      const total = Number(response.headers.get('content-length')) || null;
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let done = 0;
      setState({ phase: 'receiving', done, total });
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        chunks.push(next.value);
        done += next.value.length;
        setState({ phase: 'receiving', done, total });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/pdf' }));
      urlRef.current = url;
      setState({ phase: 'ready', url, file: name, size: done });
    } catch {
      clearInterval(timer);
      setState({ phase: 'failed', message: 'network error' });
    }
  }

  return { state, start };
}
