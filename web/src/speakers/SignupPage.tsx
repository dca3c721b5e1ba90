import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorBody, fieldErrors, type Schemas } from '../api/client';
import { writeSession } from '../auth/session';
import { useT } from '../i18n/i18n';
import { ErrorAlert, Field, PageTitle, TextArea } from '../ui/ui';
import { OrcidField, PhotoInput, orcidError, photoAcceptable } from './fields';
import { useFocusFirstInvalid } from '../ui/form-hooks';
import { speakerMessages } from './messages';

type SignupDto = Schemas['SpeakerSignupDto'];
type TextKey = 'email' | 'password' | 'firstName' | 'lastName' | 'affiliation' | 'countryCode' | 'orcid' | 'bioFr' | 'bioEn';

const EMPTY: Record<TextKey, string> = { email: '', password: '', firstName: '', lastName: '', affiliation: '', countryCode: '', orcid: '', bioFr: '', bioEn: '' };

/**
 * /app/signup: a researcher creates a speaker account (POST /api/speakers/signup, multipart with the
 * optional photo), is signed in by its answer and lands on /app/me. The ORCID iD is checked as it is
 * typed; every other rule is the server's, its field errors shown next to their fields.
 */
export function SignupPage() {
  const t = useT(speakerMessages);
  const navigate = useNavigate();
  // from an invitation mail to co-sign a proposal: ?invitation=<proposal id>&email=<the invitee's address>
  const [params] = useSearchParams();
  const invitation = /^[0-9a-f-]{36}$/i.test(params.get('invitation') ?? '') ? (params.get('invitation') as string) : null;
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => ({ ...EMPTY, email: params.get('email') ?? '' }));
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [emailTaken, setEmailTaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  useFocusFirstInvalid(form, focusTick);

  const set = (key: TextKey) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // a corrected field loses the server's complaint about it
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
    setEmailTaken(false);
    const local: Record<string, string> = {};
    const orcid = orcidError(values.orcid, t);
    if (orcid) local.orcid = orcid;
    if (!photoAcceptable(photo)) local.photo = t('photoNotImage');
    if (Object.keys(local).length > 0) {
      refuse(local, t('fixErrors'));
      return;
    }
    // the same fields as JSON would carry, as multipart so the photo travels with them (one request:
    // a refused photo creates no account); blank optional fields are left out
    const body = new FormData();
    for (const key of Object.keys(values) as TextKey[]) if (values[key].trim() !== '') body.append(key, values[key]);
    if (photo) body.append('photo', photo);
    setBusy(true);
    setAlert(null);
    const { data, error, response } = await api
      .POST('/api/speakers/signup', { body: values as SignupDto, bodySerializer: () => body })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      writeSession({ accessToken: data.accessToken, expiresAt: data.expiresAt, user: data.user });
      void navigate(invitation ? `/proposals/${invitation}/invitation` : '/me');
      return;
    }
    const failure = errorBody(error, response);
    if (failure.error === 'EMAIL_TAKEN') {
      setEmailTaken(true);
      refuse({ email: t('emailTaken') }, t('emailTaken'));
      return;
    }
    if ([413, 415].includes(failure.statusCode) || (failure.statusCode === 400 && failure.error === 'BAD_REQUEST' && photo)) {
      refuse({ photo: failure.message }, failure.message);
      return;
    }
    const byField = fieldErrors(failure);
    if (Object.keys(byField).length > 0) refuse(byField, t('fixErrors'));
    else refuse({}, failure.message);
  }

  return (
    <main id="main" className="narrow">
      <PageTitle title={t('signupTitle')}>{t('signupTitle')}</PageTitle>
      <p>{t('signupIntro')}</p>
      <ErrorAlert error={alert} />
      {emailTaken ? (
        <p>
          <Link to="/login?next=%2Fapp%2Fme">{t('login')}</Link>
        </p>
      ) : null}
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('account')}</legend>
          <Field label={t('email')} type="email" name="email" autoComplete="email" required value={values.email} onChange={(e) => set('email')(e.target.value)} error={errors.email} />
          <Field
            label={t('password')}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password')(e.target.value)}
            hint={t('passwordHint')}
            error={errors.password}
          />
        </fieldset>
        <fieldset>
          <legend>{t('identity')}</legend>
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
          <PhotoInput
            file={photo}
            onChange={(file) => {
              setPhoto(file);
              setErrors(({ photo: _gone, ...rest }) => rest);
            }}
            error={errors.photo}
          />
          <TextArea label={t('bioFr')} name="bioFr" lang="fr" value={values.bioFr} onChange={(e) => set('bioFr')(e.target.value)} hint={t('bioHint')} error={errors.bioFr} />
          <TextArea label={t('bioEn')} name="bioEn" lang="en" value={values.bioEn} onChange={(e) => set('bioEn')(e.target.value)} hint={t('bioHint')} error={errors.bioEn} />
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t('submittingSignup') : t('submitSignup')}
        </button>
      </form>
      <p>
        {t('haveAccount')} <Link to="/login">{t('login')}</Link>
      </p>
    </main>
  );
}

export default SignupPage;
