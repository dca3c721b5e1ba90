/** Hooks the forms of every capability share. */
import { useEffect, useState, type RefObject } from 'react';

/**
 * After a refused submission, focus the first field marked invalid in the form (each time `tick`
 * changes), so the person lands on what to correct; the summary alert is read out too.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, tick: number): void {
  useEffect(() => {
    if (tick === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, tick]);
}

/** A blob: URL for a file or blob, revoked when it changes or the component goes. */
export function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
