import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { PageTitle } from '../ui/ui';
import { appMessages } from './messages';

export function NotFoundPage() {
  const t = useT(appMessages);
  return (
    <main id="main">
      <PageTitle title={t('notFound')}>{t('notFound')}</PageTitle>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </main>
  );
}
