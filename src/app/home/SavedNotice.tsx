// Shows "Saved on this phone" for the record a form just saved, and switches to "Sent" once
// the sync engine confirmed it.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { getHelpRequest, getLoan, getPermanence, getSessionMember } from '../../local/read';
import { useLive } from '../ui/useLive';
import { takeSaved, type Saved } from './saved';

async function stateOf(saved: Saved | undefined): Promise<string | undefined> {
  if (!saved) return undefined;
  const get = {
    help_requests: getHelpRequest,
    permanences: getPermanence,
    loans: getLoan,
    session_members: getSessionMember,
  }[saved.table];
  return (await get(saved.id))?.syncState;
}

/** The confirmation after a save, or nothing. */
export function SavedNotice() {
  const [saved] = useState(takeSaved);
  const state = useLive(() => stateOf(saved), [saved]);
  if (!saved) return null;
  return (
    <p class="notice notice-ok" role="status">
      {state === 'synced' ? t('saved.sent') : t('saved.onPhone')}
    </p>
  );
}
