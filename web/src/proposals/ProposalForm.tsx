/**
 * The proposal form, shared by the call for papers' page (a new proposal) and a proposal's page (an
 * edit): titles and abstracts in the languages the call accepts, the abstracts' length counted as
 * the person types against the call's limit, keywords, type, track, co-speakers by email. Each
 * server error is shown next to its field; the buttons are the caller's (children).
 */
import type { FormEvent, ReactNode } from 'react';
import type { Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { proposalMessages } from './messages';
import { characterCount, type CallForPapers, type EditScope, type ProposalValues } from './proposal-values';

type FieldErrors = Partial<Record<keyof ProposalValues, string>>;

interface ProposalFormProps {
  call: Pick<CallForPapers, 'languages' | 'maxAbstractLength'>;
  types: Schemas['SubmissionTypeResponse'][];
  tracks: Schemas['TrackResponse'][];
  values: ProposalValues;
  onChange(values: ProposalValues): void;
  errors: FieldErrors;
  scope: Exclude<EditScope, 'none'>;
  /** Whether the co-speakers can be set (the main speaker, while the proposal is a draft or submitted). */
  coSpeakers: boolean;
  /** Called with the name of the button that submitted the form. */
  onSubmit(intent: string): void;
  busy: boolean;
  children: ReactNode;
}

export const fieldId = (field: keyof ProposalValues) => `proposal-${field}`;

export function ProposalForm({ call, types, tracks, values, onChange, errors, scope, coSpeakers, onSubmit, busy, children }: ProposalFormProps) {
  const t = useT(proposalMessages);
  const { language } = useLanguage();
  const set = (field: keyof ProposalValues) => (e: { target: { value: string } }) => onChange({ ...values, [field]: e.target.value });
  const name = (x: { nameFr: string; nameEn: string | null }) => (language === 'en' && x.nameEn ? x.nameEn : x.nameFr);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    onSubmit(submitter?.name || 'save');
  }

  return (
    <form className="proposal-form" onSubmit={submit} noValidate aria-busy={busy}>
      <p className="hint">{t('formLanguages')}</p>
      {call.languages.includes('fr') ? (
        <fieldset>
          <legend>{t('french')}</legend>
          <TextInput field="titleFr" label={t('titleFr')} value={values.titleFr} lang="fr" onChange={set('titleFr')} error={errors.titleFr} maxLength={300} />
          <AbstractInput field="abstractFr" label={t('abstractFr')} value={values.abstractFr} lang="fr" onChange={set('abstractFr')} error={errors.abstractFr} max={call.maxAbstractLength} />
        </fieldset>
      ) : null}
      {call.languages.includes('en') ? (
        <fieldset>
          <legend>{t('english')}</legend>
          <TextInput field="titleEn" label={t('titleEn')} value={values.titleEn} lang="en" onChange={set('titleEn')} error={errors.titleEn} maxLength={300} />
          <AbstractInput field="abstractEn" label={t('abstractEn')} value={values.abstractEn} lang="en" onChange={set('abstractEn')} error={errors.abstractEn} max={call.maxAbstractLength} />
        </fieldset>
      ) : null}
      <TextInput field="keywords" label={t('keywordsLabel')} hint={t('keywordsHint')} value={values.keywords} onChange={set('keywords')} error={errors.keywords} />
      {scope === 'all' ? (
        <>
          <div className="field">
            <label htmlFor={fieldId('typeId')}>{t('typeLabel')}</label>
            <select id={fieldId('typeId')} required value={values.typeId} onChange={set('typeId')} aria-invalid={errors.typeId ? true : undefined} aria-describedby={errors.typeId ? `${fieldId('typeId')}-error` : undefined}>
              <option value="">{t('choose')}</option>
              {types.map((x) => (
                <option key={x.id} value={x.id}>
                  {name(x)} ({t('minutes', { n: x.defaultMinutes })})
                </option>
              ))}
            </select>
            <FieldError field="typeId" error={errors.typeId} />
          </div>
          {tracks.length ? (
            <div className="field">
              <label htmlFor={fieldId('trackId')}>{t('trackLabel')}</label>
              <select id={fieldId('trackId')} value={values.trackId} onChange={set('trackId')} aria-invalid={errors.trackId ? true : undefined} aria-describedby={errors.trackId ? `${fieldId('trackId')}-error` : undefined}>
                <option value="">{t('noTrack')}</option>
                {tracks.map((x) => (
                  <option key={x.id} value={x.id}>
                    {name(x)}
                  </option>
                ))}
              </select>
              <FieldError field="trackId" error={errors.trackId} />
            </div>
          ) : null}
          {coSpeakers ? (
            <div className="field">
              <label htmlFor={fieldId('coSpeakers')}>{t('coSpeakers')}</label>
              <textarea
                id={fieldId('coSpeakers')}
                className="emails"
                rows={3}
                autoComplete="off"
                spellCheck={false}
                value={values.coSpeakers}
                onChange={set('coSpeakers')}
                aria-invalid={errors.coSpeakers ? true : undefined}
                aria-describedby={[`${fieldId('coSpeakers')}-hint`, errors.coSpeakers ? `${fieldId('coSpeakers')}-error` : ''].filter(Boolean).join(' ')}
              />
              <p className="hint" id={`${fieldId('coSpeakers')}-hint`}>
                {t('coSpeakersHint')}
              </p>
              <FieldError field="coSpeakers" error={errors.coSpeakers} />
            </div>
          ) : null}
        </>
      ) : null}
      <div className="form-actions">{children}</div>
    </form>
  );
}

function FieldError({ field, error }: { field: keyof ProposalValues; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${fieldId(field)}-error`}>
      {error}
    </p>
  );
}

interface InputProps {
  field: keyof ProposalValues;
  label: string;
  value: string;
  onChange(e: { target: { value: string } }): void;
  error?: string;
  hint?: string;
  maxLength?: number;
  lang?: string;
}

function TextInput({ field, label, value, onChange, error, hint, maxLength, lang }: InputProps) {
  const id = fieldId(field);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" lang={lang} value={value} onChange={onChange} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError field={field} error={error} />
    </div>
  );
}

/** An abstract with its length counted live against the call's limit (announced politely, marked when over). */
function AbstractInput({ field, label, value, onChange, error, max, lang }: InputProps & { max: number }) {
  const t = useT(proposalMessages);
  const id = fieldId(field);
  const count = characterCount(value);
  const over = count > max;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        lang={lang}
        rows={8}
        value={value}
        onChange={onChange}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={[`${id}-count`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      <p id={`${id}-count`} className={over ? 'char-count over' : 'char-count'} aria-live="polite" aria-atomic="true">
        {t('count', { count, max })}
        {over ? ` — ${t('over', { n: count - max })}` : ''}
      </p>
      <FieldError field={field} error={error} />
    </div>
  );
}
