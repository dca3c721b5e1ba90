import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorBody } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorAlert, StatusLine } from '../ui/ui';
import { PhotoInput, photoAcceptable } from './fields';
import { useObjectUrl } from '../ui/form-hooks';
import { speakerMessages } from './messages';

/**
 * The speaker's photo: the one the server holds (fetched with the session's token, shown through a
 * blob: URL), a new one chosen with its preview and sent with PUT …/photo, and its removal.
 */
export function PhotoSection({ hasPhoto, onChange }: { hasPhoto: boolean; onChange(hasPhoto: boolean): void }) {
  const t = useT(speakerMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  const [current, setCurrent] = useState<Blob | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [uploadError, setUploadError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentUrl = useObjectUrl(current);

  const loadCurrent = useCallback(async () => {
    const { data } = await api.GET('/api/me/speaker-profile/photo', { parseAs: 'blob' }).catch(() => ({ data: undefined }));
    setCurrent(data instanceof Blob ? data : null);
  }, []);

  useEffect(() => {
    if (hasPhoto) void loadCurrent();
    else setCurrent(null);
  }, [hasPhoto, loadCurrent]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !photoAcceptable(chosen)) return;
    const body = new FormData();
    body.append('file', chosen);
    setBusy(true);
    setUploadError(undefined);
    setError(null);
    setStatus(null);
    const { data, error: failure, response } = await api
      .PUT('/api/me/speaker-profile/photo', { body: { file: chosen.name }, bodySerializer: () => body })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!data) {
      setUploadError(errorBody(failure, response).message);
      return;
    }
    setChosen(null);
    setResetKey((k) => k + 1);
    await loadCurrent();
    onChange(true);
    setStatus(t('photoSaved'));
  }

  async function remove() {
    setBusy(true);
    setError(null);
    setStatus(null);
    const { error: failure, response } = await api.DELETE('/api/me/speaker-profile/photo').catch(() => ({ error: undefined, response: undefined }));
    setBusy(false);
    if (!response?.ok) {
      setError(errorBody(failure, response).message);
      return;
    }
    setCurrent(null);
    onChange(false);
    setStatus(t('photoDeleted'));
    // the button is gone: keep the keyboard in the section
    heading.current?.focus();
  }

  return (
    <section aria-labelledby="photo-heading">
      <h2 id="photo-heading" ref={heading} tabIndex={-1}>
        {t('photoSection')}
      </h2>
      {currentUrl ? (
        <div className="photo-current">
          <img className="photo-preview" src={currentUrl} alt={t('photoCurrent')} />
          <button type="button" onClick={() => void remove()} disabled={busy}>
            {t('photoDelete')}
          </button>
        </div>
      ) : (
        <p>{t('photoNone')}</p>
      )}
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void upload(e)} noValidate>
        <PhotoInput
          file={chosen}
          onChange={(file) => {
            setChosen(file);
            setUploadError(undefined);
          }}
          error={uploadError}
          resetKey={resetKey}
          label={t('photoNew')}
        />
        <button type="submit" disabled={busy || !chosen || !photoAcceptable(chosen)}>
          {busy ? t('photoUploading') : t('photoUpload')}
        </button>
      </form>
      <StatusLine>{status}</StatusLine>
    </section>
  );
}
