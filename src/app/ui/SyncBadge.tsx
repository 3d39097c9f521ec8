// The sync state of one record: waiting to send, sent, needs attention (with the server's
// reason) or conflict.
import { errorText, label } from '../../shared/i18n';
import type { LocalFields } from '../../local';

/** A small badge with the record's sync state and, when refused, why. */
export function SyncBadge({ record }: { record: Pick<LocalFields, 'syncState' | 'syncError'> }) {
  const reason =
    record.syncState === 'needs_attention' && record.syncError ? errorText(record.syncError.code) : '';
  return (
    <span class={`badge sync-${record.syncState}`}>
      {label('syncState', record.syncState)}
      {reason && `: ${reason}`}
    </span>
  );
}
