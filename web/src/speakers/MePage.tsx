import { useEffect, useState } from 'react';
import { api, errorBody } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { useT } from '../i18n/i18n';
import { ErrorAlert, PageTitle } from '../ui/ui';
import { speakerMessages } from './messages';
import { PhotoSection } from './PhotoSection';
import { ProfileForm, type SpeakerProfile } from './ProfileForm';
import { UnavailabilitiesSection } from './UnavailabilitiesSection';

/** /app/me, for signed-in speakers: the profile, the photo and the unavailabilities. */
export function MePage() {
  return (
    <RequireAuth roles={['speaker']}>
      <SpeakerSpace />
    </RequireAuth>
  );
}

function SpeakerSpace() {
  const t = useT(speakerMessages);
  const [profile, setProfile] = useState<SpeakerProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/me/speaker-profile')
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) setProfile(data);
        else setFailure(errorBody(error, response).message);
      })
      .catch(() => live && setFailure('network error'));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main id="main">
      <PageTitle title={t('meTitle')}>{t('meTitle')}</PageTitle>
      <ErrorAlert error={failure ? t('loadFailed', { message: failure }) : null} />
      {profile ? (
        <div className="speaker-space">
          <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('profile')}</h2>
            <p className="who-email">{t('accountEmail', { email: profile.email })}</p>
            <ProfileForm profile={profile} onSaved={setProfile} />
          </section>
          <PhotoSection hasPhoto={profile.hasPhoto} onChange={(hasPhoto) => setProfile((p) => (p ? { ...p, hasPhoto } : p))} />
          <UnavailabilitiesSection />
        </div>
      ) : failure ? null : (
        <p>{t('loading')}</p>
      )}
    </main>
  );
}

export default MePage;
