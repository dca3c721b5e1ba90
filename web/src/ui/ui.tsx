/**
 * Small accessible building blocks every page uses: a labelled field with its error next to it
 * (aria-describedby, aria-invalid), an alert for a page-level error, a page title that moves focus.
 */
import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { ApiErrorBody } from '../api/client';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

export function Field({ label, error, hint, id, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...input} />
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

export function TextArea({ label, error, hint, id, ...area }: TextAreaProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...area} />
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

/** A page-level error (role=alert: read out when it appears). */
export function ErrorAlert({ error }: { error: ApiErrorBody | string | null | undefined }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return (
    <div className="alert error" role="alert">
      {text}
    </div>
  );
}

/** A status message (role=status: announced politely). */
export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert notice" role="status">
      {children}
    </div>
  );
}

/** The page's h1; sets document.title and takes focus after a navigation so screen readers announce the new page. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Villes et territoires numériques`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/**
 * A table too wide for the screen scrolls sideways inside this region; the region takes the focus
 * (tabIndex 0) so that keyboard users can scroll it with the arrows, and is named for screen readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A polite status line that is always in the page (empty until there is news), so that screen
 * readers announce each new message; shown as a notice only when it has one.
 */
export function StatusLine({ children }: { children: string | null }) {
  return (
    <p role="status" className={children ? 'alert notice' : 'status-empty'}>
      {children ?? ''}
    </p>
  );
}
