import { Link, NavLink, Outlet } from 'react-router';
import { api } from '../api/client';
import { writeSession } from '../auth/session';
import { useSession } from '../auth/use-session';
import { useLanguage, useT } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/language';
import { appMessages } from './messages';
import { NAV, visibleEntries } from './nav';

/** Header (skip link, menu for the person's roles, language switch, sign-out), then the page. */
export function Layout() {
  const t = useT(appMessages);
  const { language, setLanguage } = useLanguage();
  const session = useSession();
  const entries = visibleEntries(NAV, session ? session.user.roles : null);

  async function logout() {
    // revoke the token on the server, then forget it here whatever the answer
    await api.POST('/api/auth/logout').catch(() => undefined);
    writeSession(null, 'logout');
    // a fresh page: nothing the previous person saw stays in memory
    window.location.replace('/app/login?bye=1');
  }

  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="site">
        <Link to="/" className="brand">
          {t('brand')}
        </Link>
        <nav aria-label={t('menu')}>
          <ul>
            {entries.map((e) => (
              <li key={e.to}>{e.external ? <a href={e.to}>{e.label[language]}</a> : <NavLink to={e.to} end={e.to === '/'}>{e.label[language]}</NavLink>}</li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <div role="group" aria-label={t('language')} className="languages">
            {LANGUAGES.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => setLanguage(l)}>
                {l === 'fr' ? 'Français' : 'English'}
              </button>
            ))}
          </div>
          {session ? (
            <>
              <span className="who">{t('signedInAs', { email: session.user.email })}</span>
              <button type="button" onClick={() => void logout()}>
                {t('logout')}
              </button>
            </>
          ) : (
            <>
              <Link to="/login">{t('login')}</Link>
              <Link to="/signup">{t('signup')}</Link>
            </>
          )}
        </div>
      </header>
      <Outlet />
    </>
  );
}
