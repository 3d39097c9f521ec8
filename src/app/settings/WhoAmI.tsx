// Whose phone this is: the signed-in person, their e-mail (none for a phone enrolled by QR
// code), role and organisation (remembered from GET /me, so it shows offline too).
import { label, t } from '../../shared/i18n';
import { useOrgName } from '../org';
import { useSession } from '../session';

/** Name, e-mail, role and organisation of the signed-in person. */
export function WhoAmI() {
  const session = useSession();
  const org = useOrgName(session?.user.orgId);
  if (!session) return null;
  const { user } = session;
  return (
    <dl class="item-facts who">
      <dt>{t('settings.signedInAs')}</dt>
      <dd>{user.name}</dd>
      {user.email && (
        <>
          <dt>{t('settings.email')}</dt>
          <dd>{user.email}</dd>
        </>
      )}
      <dt>{t('settings.role')}</dt>
      <dd>{label('role', user.role)}</dd>
      {org && (
        <>
          <dt>{t('settings.organisation')}</dt>
          <dd>{org}</dd>
        </>
      )}
    </dl>
  );
}
