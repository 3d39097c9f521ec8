// Delete in two taps ("Delete", then "Yes, delete"), so a slip of the thumb deletes nothing.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../ui/errors';

/** A two-step delete button. */
export function DeleteButton({ onDelete }: { onDelete: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (!asking)
    return (
      <button type="button" class="btn btn-secondary btn-small" onClick={() => setAsking(true)}>
        {t('recent.delete')}
      </button>
    );
  return (
    <span class="confirm">
      <button
        type="button"
        class="btn btn-danger btn-small"
        onClick={() => onDelete().catch((err: unknown) => setFailure(errorMessage(err)))}
      >
        {t('recent.confirmDelete')}
      </button>
      <button type="button" class="btn btn-secondary btn-small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
      {failure && <span role="alert">{failure}</span>}
    </span>
  );
}
