// Loading and error lines shared by the coordinator screens.
import { ct } from './i18n';

/** "Loading…" or the error of a load, announced to screen readers. */
export function Status({ error, loading }: { error?: string | undefined; loading: boolean }) {
  if (error) return <p role="alert">{ct('common.error', { message: error })}</p>;
  if (loading)
    return (
      <p class="loading" aria-live="polite">
        {ct('common.loading')}
      </p>
    );
  return null;
}
