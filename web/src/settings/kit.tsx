/**
 * What the organisers' settings pages share: the page frame (organisers only, with a breadcrumb),
 * a labelled select, a polite status line, loading data with a reload, and reading a refused call
 * into errors beside their fields (the server is the judge: the page shows its words).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Link } from 'react-router';
import { errorBody, fieldErrors, type ApiErrorBody } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useT } from '../i18n/i18n';
import { ErrorAlert, PageTitle } from '../ui/ui';
import { settingsMessages } from './messages';
import './settings.css';
import { useFocusFirstInvalid } from '../ui/form-hooks';

export type SettingsT = ReturnType<typeof useSettingsT>;
export function useSettingsT() {
  return useT(settingsMessages);
}

/** The frame of every settings page: organisers only, a breadcrumb, the title that takes focus. */
export function SettingsPage({ title, crumbs, children }: { title: string; crumbs?: Array<{ to: string; label: string }>; children: ReactNode }) {
  const t = useSettingsT();
  return (
    <RequireAuth roles={['organiser']}>
      <main id="main" className="settings">
        {crumbs?.length ? (
          <nav aria-label={t('breadcrumb')} className="breadcrumb">
            <ol>
              {crumbs.map((c) => (
                <li key={c.to}>
                  <Link to={c.to}>{c.label}</Link>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <PageTitle title={title}>{title}</PageTitle>
        {children}
      </main>
    </RequireAuth>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled select with its error next to it, as `Field` does for inputs. */
export function SelectField({ label, error, hint, id, children, ...select }: SelectFieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...select}>
        {children}
      </select>
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

/** A refused call, read for a form: the server's message, and its words beside each field it names. */
export interface Refusal {
  body: ApiErrorBody;
  fields: Record<string, string>;
}

/**
 * Reads a failed call: VALIDATION_FAILED details by field (`openingHours.0.closes` stays as the
 * server names it), and domain errors whose code names one field (`codeFields`, e.g. EMAIL_TAKEN →
 * email) or whose details name fields of the form (`{ name }`, `{ opensAt, closesAt }`).
 */
export function readRefusal(error: unknown, response: Response | undefined, codeFields: Record<string, string> = {}, formFields: string[] = []): Refusal {
  const body = errorBody(error, response);
  const fields = fieldErrors(body);
  const byCode = codeFields[body.error];
  if (byCode && !(byCode in fields)) fields[byCode] = body.message;
  if (Object.keys(fields).length === 0 && body.details && typeof body.details === 'object') {
    for (const key of Object.keys(body.details)) if (formFields.includes(key)) fields[key] = body.message;
  }
  return { body, fields };
}

/** The state of a form sent to the API: busy, its refusal, and a tick that moves focus to the first error. */
export function useFormState() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [tick, setTick] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, tick);
  const refuse = useCallback((r: Refusal) => {
    setRefusal(r);
    setTick((n) => n + 1);
  }, []);
  return { busy, setBusy, refusal, setRefusal, refuse, form, err: (field: string) => refusal?.fields[field] };
}

/** The summary of a refusal (read out), with a line saying the fields are marked when they are. */
export function RefusalAlert({ refusal }: { refusal: Refusal | null }) {
  const t = useSettingsT();
  if (!refusal) return null;
  const marked = Object.keys(refusal.fields).length > 0;
  return <ErrorAlert error={marked ? `${refusal.body.message} — ${t('seeFields')}` : refusal.body.message} />;
}

/** Loads data with `load` on mount and whenever `reload()` is called; `failed` when the call failed. */
export function useLoaded<T>(load: () => Promise<T | undefined>, deps: unknown[]): { data: T | undefined; failed: boolean; reload(): void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((d) => {
        if (!live) return;
        if (d === undefined) setFailed(true);
        else {
          setFailed(false);
          setData(d);
        }
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return { data, failed, reload: useCallback(() => setN((x) => x + 1), []) };
}

/** Blank text as null (to clear an optional field), otherwise trimmed. */
export function orNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

/** A number typed in a field, or undefined when blank (the server says what is wrong with it). */
export function asNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : (value as unknown as number);
}

export function Loading({ failed }: { failed?: boolean }) {
  const t = useSettingsT();
  return failed ? <ErrorAlert error={t('loadFailed')} /> : <p role="status">{t('loading')}</p>;
}
