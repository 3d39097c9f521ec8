// Home's small "Signed in as Vera for Buurtwerk Kiel": a shared or lent phone shows whose it
// is at a glance. The organisation's name is remembered from GET /me (src/app/sync-start.ts).
import { t } from '../../shared/i18n';
import { useOrgName } from '../org';
import { useSession } from '../session';

/** Who is signed in, in small text; nothing while signed out. */
export function SignedInAs() {
  const session = useSession();
  const orgName = useOrgName(session?.user.orgId);
  if (!session) return null;
  const name = session.user.name;
  return (
    <p class="signed-in-as">
      {orgName ? t('home.signedInAsOrg', { name, org: orgName }) : t('home.signedInAs', { name })}
    </p>
  );
}
