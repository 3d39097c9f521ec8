// The notice of a form that reopened with what was typed before (useDraftState).
import { t } from '../../shared/i18n';

/** "Restored what you typed before." with a "Start over" button. */
export function DraftRestored({ onDiscard }: { onDiscard: () => void }) {
  return (
    <p class="notice draft-restored" role="status">
      {t('form.draftRestored')}{' '}
      <button type="button" class="btn btn-small btn-secondary" onClick={onDiscard}>
        {t('form.startOver')}
      </button>
    </p>
  );
}
