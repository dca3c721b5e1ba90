import { useRef, useState, type FormEvent } from 'react';
import { api, errorBody, fieldErrors, type Schemas } from '../api/client';
import { useLanguage, useT } from '../i18n/i18n';
import { formatDateTime } from '../time/paris';
import { ErrorAlert, Field, StatusLine, TextArea } from '../ui/ui';
import { OrcidField, orcidError } from './fields';
import { useFocusFirstInvalid } from '../ui/form-hooks';
import { speakerMessages } from './messages';

export type SpeakerProfile = Schemas['SpeakerProfileResponse'];
type Key = 'firstName' | 'lastName' | 'affiliation' | 'countryCode' | 'orcid' | 'bioFr' | 'bioEn';

function valuesOf(p: SpeakerProfile): Record<Key, string> {
  return { firstName: p.firstName, lastName: p.lastName, affiliation: p.affiliation, countryCode: p.countryCode, orcid: p.orcid ?? '', bioFr: p.bioFr ?? '', bioEn: p.bioEn ?? '' };
}

/**
 * The profile's fields, saved with PATCH /api/me/speaker-profile; the form then shows what the
 * server kept (trimmed names, the ORCID without its prefix, blank biographies as none).
 */
export function ProfileForm({ profile, onSaved }: { profile: SpeakerProfile; onSaved(p: SpeakerProfile): void }) {
  const t = useT(speakerMessages);
  const { language } = useLanguage();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  useFocusFirstInvalid(form, focusTick);

  const set = (key: Key) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(null);
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  };

  function refuse(found: Record<string, string>, message: string) {
    setErrors(found);
    setAlert(message);
    setFocusTick((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const orcid = orcidError(values.orcid, t);
    if (orcid) {
      refuse({ orcid }, t('fixErrors'));
      return;
    }
    setBusy(true);
    setAlert(null);
    const blankToNull = (s: string) => (s.trim() === '' ? null : s);
    const { data, error, response } = await api
      .PATCH('/api/me/speaker-profile', {
        body: {
          firstName: values.firstName,
          lastName: values.lastName,
          affiliation: values.affiliation,
          countryCode: values.countryCode,
          orcid: blankToNull(values.orcid),
          bioFr: blankToNull(values.bioFr),
          bioEn: blankToNull(values.bioEn),
        },
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      setValues(valuesOf(data));
      setErrors({});
      setSaved(t('saved', { when: formatDateTime(data.updatedAt, language) }));
      onSaved(data);
      return;
    }
    const failure = errorBody(error, response);
    const byField = fieldErrors(failure);
    if (Object.keys(byField).length > 0) refuse(byField, t('fixErrors'));
    else refuse({}, failure.message);
  }

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="profile-heading">
      <ErrorAlert error={alert} />
      <Field label={t('firstName')} name="firstName" autoComplete="given-name" required value={values.firstName} onChange={(e) => set('firstName')(e.target.value)} error={errors.firstName} hint={t('namesHint')} />
      <Field label={t('lastName')} name="lastName" autoComplete="family-name" required value={values.lastName} onChange={(e) => set('lastName')(e.target.value)} error={errors.lastName} />
      <Field label={t('affiliation')} name="affiliation" autoComplete="organization" required value={values.affiliation} onChange={(e) => set('affiliation')(e.target.value)} error={errors.affiliation} />
      <Field
        label={t('countryCode')}
        name="countryCode"
        autoComplete="country"
        required
        maxLength={2}
        className="short"
        value={values.countryCode}
        onChange={(e) => set('countryCode')(e.target.value)}
        hint={t('countryHint')}
        error={errors.countryCode}
      />
      <OrcidField value={values.orcid} onChange={set('orcid')} error={errors.orcid} />
      <TextArea label={t('bioFr')} name="bioFr" lang="fr" value={values.bioFr} onChange={(e) => set('bioFr')(e.target.value)} hint={t('bioHint')} error={errors.bioFr} />
      <TextArea label={t('bioEn')} name="bioEn" lang="en" value={values.bioEn} onChange={(e) => set('bioEn')(e.target.value)} hint={t('bioHint')} error={errors.bioEn} />
      <button type="submit" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
      <StatusLine>{saved}</StatusLine>
    </form>
  );
}
