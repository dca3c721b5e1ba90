/**
 * Fields the researchers' pages share: the ORCID iD checked as it is typed (the server's rule), a
 * photo picker with its preview (a blob: URL, which the page's CSP allows), and moving focus to the
 * first field in error after a refused submission.
 */
import { useId, useState } from 'react';
import { useT } from '../i18n/i18n';
import { speakerMessages } from './messages';
import { orcidIssue, orcidLooksComplete, type OrcidIssue } from './orcid-check';
import { useObjectUrl } from '../ui/form-hooks';

export type SpeakerT = (key: keyof (typeof speakerMessages)['fr'], values?: Record<string, string | number>) => string;

export function describeOrcidIssue(issue: OrcidIssue, t: SpeakerT): string {
  if (issue.kind === 'lower-x') return t('orcidLowerX', { fixed: issue.fixed });
  if (issue.kind === 'check') return t('orcidCheck', { value: issue.value, expected: issue.expected });
  return t('orcidFormat');
}

/** The client's own check of a typed ORCID iD, in words, or undefined when it is fine or blank. */
export function orcidError(value: string, t: SpeakerT): string | undefined {
  const issue = orcidIssue(value);
  return issue ? describeOrcidIssue(issue, t) : undefined;
}

interface OrcidFieldProps {
  value: string;
  onChange(value: string): void;
  /** An error from the server, or from a refused submission. */
  error?: string;
}

/**
 * The ORCID iD, checked as the person types: an error appears (and is read out, role=alert) once a
 * whole iD is typed or the field is left; « valid » is announced politely.
 */
export function OrcidField({ value, onChange, error }: OrcidFieldProps) {
  const t = useT(speakerMessages);
  const id = useId();
  const [left, setLeft] = useState(false);
  const live = value.trim() !== '' && (left || orcidLooksComplete(value)) ? orcidError(value, t) : undefined;
  const shown = live ?? error;
  const valid = value.trim() !== '' && !shown && orcidIssue(value) === null && orcidLooksComplete(value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('orcid')}</label>
      <input
        id={id}
        name="orcid"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="0000-0000-0000-0000"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setLeft(true)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('orcidHint')}
      </p>
      {shown ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      ) : null}
      <p className="field-ok" role="status">
        {valid ? t('orcidOk') : ''}
      </p>
    </div>
  );
}

const IMAGE_TYPES = ['image/jpeg', 'image/png'];

interface PhotoInputProps {
  file: File | null;
  onChange(file: File | null): void;
  error?: string;
  /** Changing it empties the file input (after an upload). */
  resetKey?: number;
  /** The field's label; « Photo » by default. */
  label?: string;
}

/**
 * A photo picker with its preview. A file the browser does not call a JPEG or PNG is not previewed
 * and is flagged; the server still reads the bytes and is the judge.
 */
export function PhotoInput({ file, onChange, error, resetKey, label }: PhotoInputProps) {
  const t = useT(speakerMessages);
  const id = useId();
  const preview = useObjectUrl(file && IMAGE_TYPES.includes(file.type) ? file : null);
  const local = file && !IMAGE_TYPES.includes(file.type) ? t('photoNotImage') : undefined;
  const shown = local ?? error;
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('photo')}</label>
      <input
        key={resetKey}
        id={id}
        name="photo"
        type="file"
        accept="image/jpeg,image/png"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('photoHint')}
      </p>
      {shown ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      ) : null}
      {preview ? <img className="photo-preview" src={preview} alt={t('photoPreview')} /> : null}
    </div>
  );
}

/** Whether the chosen file is one the page will send (JPEG or PNG by its declared type). */
export function photoAcceptable(file: File | null): boolean {
  return !file || IMAGE_TYPES.includes(file.type);
}

