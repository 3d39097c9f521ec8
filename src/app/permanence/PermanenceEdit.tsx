// Correcting a permanence log from the recent list, open or closed, sent or not: place, counts,
// extra helpers and the closing notes. Saving writes a new outbox entry (the server merges it
// field by field), so a closed session can still be put right after it was sent.
import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, getLanguage, label, t } from '../../shared/i18n';
import {
  getPermanence,
  listLocations,
  updatePermanence,
  ValidationError,
  type LocalPermanence,
} from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { useDirty } from '../ui/dirty';
import { errorMessage } from '../ui/errors';
import { ReviewRemark } from '../ui/ReviewRemark';
import { Screen } from '../ui/Screen';
import { SyncBadge } from '../ui/SyncBadge';
import { useLive } from '../ui/useLive';
import { fieldErrors, focusFirstError, refusedIssues, type IssueLike } from '../ui/validation';
import { PermanenceFields, permanenceFields, permanenceForm, type PermanenceForm } from './PermanenceFields';

/** The edit form of one permanence. */
function EditForm({ permanence }: { permanence: LocalPermanence }) {
  const locations = useLive(listLocations) ?? [];
  const [form, setForm] = useState(() => permanenceForm(permanence));
  const [touched, setTouched] = useState(false);
  // A permanence the server refused opens with the fields it named marked (its badge says why).
  const [issues, setIssues] = useState<IssueLike[]>(() => refusedIssues(permanence));
  const [failure, setFailure] = useState<string>();
  useDirty(touched);
  const errors = fieldErrors(issues);
  const set = (key: keyof PermanenceForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
    setTouched(true);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    try {
      const saved = await updatePermanence(permanence.id, permanenceFields(form));
      setTouched(false);
      markSaved({ table: 'permanences', id: saved.id });
      navigate('/recent');
    } catch (err) {
      if (err instanceof ValidationError) {
        setIssues(err.issues);
        focusFirstError();
      } else setFailure(errorMessage(err));
    }
  };

  return (
    <form class="perm-edit" onSubmit={save} noValidate>
      <div class="form-scroll">
        <PermanenceFields form={form} errors={errors} set={set} locations={locations} />
      </div>
      {issues.length > 0 && (
        <p class="form-error" role="alert">
          {t('help.fixErrors')}
        </p>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions sticky">
        <button type="submit" class="btn btn-primary">
          {t('permanence.saveChanges')}
        </button>
      </div>
    </form>
  );
}

/** The permanence edit screen (`#/permanence/:id`). */
export function PermanenceEdit({ id }: { id: string }) {
  const [permanence, setPermanence] = useState<LocalPermanence | null>();
  // Read once: the form must not be reset under the user's fingers by a sync meanwhile.
  useEffect(() => void getPermanence(id).then((p) => setPermanence(p ?? null)), [id]);
  const title = t('permanence.editTitle');
  if (permanence === undefined)
    return (
      <Screen title={title} back="#/recent">
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (permanence === null)
    return (
      <Screen title={title} back="#/recent">
        <p role="alert">{t('error.not_found')}</p>
      </Screen>
    );
  const lang = getLanguage();
  return (
    <Screen title={title} back="#/recent" fill>
      <p class="perm-summary">
        {label('permanenceKind', permanence.kind)} · {formatDateTime(lang, permanence.startedAt)}
        {permanence.endedAt &&
          ` · ${t('permanence.closedAt', { time: formatDateTime(lang, permanence.endedAt) })}`}{' '}
        <SyncBadge record={permanence} />
      </p>
      <ReviewRemark record={permanence} />
      <EditForm permanence={permanence} />
    </Screen>
  );
}
