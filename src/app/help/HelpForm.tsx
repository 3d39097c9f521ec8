// New / edit help request. Built for 30 seconds per person: the common case (one topic, solved)
// is Home -> topic -> "Solved" -> Save. Channel, place and language come from the open
// permanence or the last entry. The store validates; its zod issues show next to the fields.
// A record the server refused opens with the server's reason and its fields already marked.
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../../shared/i18n';
import {
  getHelpRequest,
  getOpenPermanence,
  lastHelpDefaults,
  saveHelpRequest,
  ValidationError,
  type SyncError,
} from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { useDirty } from '../ui/dirty';
import { errorMessage } from '../ui/errors';
import { Screen } from '../ui/Screen';
import { fieldErrors, focusFirstError, refusedIssues, type IssueLike } from '../ui/validation';
import { Details } from './Details';
import { draftOf, emptyDraft, toRecord, type Draft } from './draft';
import { HelpFields } from './HelpFields';
import { NoteFields } from './NoteFields';

/** The draft a new form starts from: open permanence first, then the last entry. */
async function newDraft(): Promise<Draft> {
  const [last, open] = await Promise.all([lastHelpDefaults(), getOpenPermanence()]);
  if (open)
    return emptyDraft({
      channel: 'permanence',
      permanenceId: open.id,
      locationId: open.locationId ?? null,
      language: last.language ?? undefined,
    });
  return emptyDraft({
    channel: last.channel ?? 'street_stand',
    locationId: last.locationId ?? null,
    language: last.language ?? undefined,
  });
}

interface Props {
  /** Edit this record; a new one when absent. */
  id?: string;
}

/** The help request form. */
export function HelpForm({ id }: Props) {
  const [draft, setDraft] = useState<Draft>();
  const [missing, setMissing] = useState(false);
  const [touched, setTouched] = useState(false);
  const [issues, setIssues] = useState<IssueLike[]>([]);
  /** Why the server refused this record, and the fields it named (until the next save). */
  const [refused, setRefused] = useState<{ error: SyncError; issues: IssueLike[] }>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useDirty(touched);

  useEffect(() => {
    if (!id) void newDraft().then(setDraft);
    else
      void getHelpRequest(id).then((r) => {
        if (!r) return setMissing(true);
        setDraft(draftOf(r));
        if (r.syncState === 'needs_attention' && r.syncError)
          setRefused({ error: r.syncError, issues: refusedIssues(r) });
      });
  }, [id]);

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setTouched(true);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await saveHelpRequest(toRecord(draft, new Date().toISOString()));
      setIssues([]);
      setTouched(false);
      markSaved({ table: 'help_requests', id: saved.id });
      navigate(saved.permanenceId && !id ? '/permanence' : id ? '/recent' : '/');
    } catch (err) {
      if (err instanceof ValidationError) {
        setIssues(err.issues);
        focusFirstError();
      } else setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const title = id ? t('help.editTitle') : t('help.newTitle');
  if (missing)
    return (
      <Screen title={title}>
        <p role="alert">{t('error.not_found')}</p>
      </Screen>
    );
  if (!draft)
    return (
      <Screen title={title}>
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  const errors = fieldErrors(issues.length > 0 ? issues : (refused?.issues ?? []));
  return (
    <Screen title={title}>
      {refused && (
        <p class="form-error" role="alert">
          {t('sync.refusedHint', { reason: errorText(refused.error.code) })}
        </p>
      )}
      <form class="help-form" onSubmit={save} noValidate>
        <HelpFields draft={draft} errors={errors} update={update} />
        <Details draft={draft} errors={errors} update={update} />
        <NoteFields draft={draft} errors={errors} update={update} />
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
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
