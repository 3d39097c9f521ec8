// New / edit help request. Built for 30 seconds per person: the common case (one topic, solved)
// is Home -> topic -> "Solved" -> Save. Channel, place and language come from the open
// permanence or the last entry. The store validates; its zod issues show next to the fields.
// A record the server refused opens with the server's reason and its fields already marked; one a
// coordinator marked "has issues" opens with the coordinator's remark.
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../../shared/i18n';
import {
  getHelpRequest,
  getCurrentSession,
  lastHelpDefaults,
  saveHelpRequest,
  ValidationError,
  clearDraft,
  loadDraft,
  saveDraft,
  type LocalHelpRequest,
  type SyncError,
} from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { useDirty } from '../ui/dirty';
import { DraftRestored } from '../ui/DraftRestored';
import { errorMessage } from '../ui/errors';
import { ReviewRemark } from '../ui/ReviewRemark';
import { Screen } from '../ui/Screen';
import { fieldErrors, focusFirstError, refusedIssues, type IssueLike } from '../ui/validation';
import { Details } from './Details';
import { draftOf, emptyDraft, toRecord, type Draft } from './draft';
import { TopicFiches } from '../fiches/TopicFiches';
import { HelpFields } from './HelpFields';
import { useHelpChoices } from './useHelpChoices';
import { NoteFields } from './NoteFields';

/**
 * The draft a new form starts from: the open permanence's channel and place, else the last
 * entry's place, language and channel (never "permanence" once no permanence is open).
 */
async function newDraft(): Promise<Draft> {
  // The session this phone counts in: its own, or a colleague's it joined (shared sessions).
  const [last, open] = await Promise.all([lastHelpDefaults(), getCurrentSession()]);
  if (open)
    return emptyDraft({
      channel: 'permanence',
      permanenceId: open.permanenceId,
      locationId: open.permanence?.locationId ?? null,
      language: last.language ?? undefined,
    });
  return emptyDraft({
    // A phone may have stored "permanence" before the rule above (src/local/help-requests.ts).
    channel: last.channel && last.channel !== 'permanence' ? last.channel : 'street_stand',
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
  /** The coordinator's remark when the record was marked "has issues" (read once, with the record). */
  const [review, setReview] = useState<Pick<LocalHelpRequest, 'reviewState' | 'reviewComment'>>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choices = useHelpChoices();
  useDirty(touched);

  // A tab killed mid-form reopens with what was typed (src/local/drafts.ts).
  const form = `help:${id ?? 'new'}`;
  const [restored, setRestored] = useState(false);
  const start = async (useKept: boolean) => {
    const kept = useKept ? await loadDraft<Draft>(form) : undefined;
    if (kept) {
      setDraft(kept);
      setTouched(true);
      setRestored(true);
    }
    if (!id) {
      if (!kept) setDraft(await newDraft());
      return;
    }
    const r = await getHelpRequest(id);
    if (!r) return setMissing(true);
    if (!kept) setDraft(draftOf(r));
    setReview({ reviewState: r.reviewState, reviewComment: r.reviewComment });
    if (r.syncState === 'needs_attention' && r.syncError)
      setRefused({ error: r.syncError, issues: refusedIssues(r) });
  };
  useEffect(() => {
    void start(true);
  }, [id]);
  const startOver = async () => {
    await clearDraft(form);
    setTouched(false);
    setRestored(false);
    await start(false);
  };

  const update = (patch: Partial<Draft>) => {
    if (!draft) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    setTouched(true);
    // Kept at once, in the order typed (a "Start over" after it clears it for good).
    void saveDraft(form, next).catch(() => undefined);
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
      await clearDraft(form);
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
    <Screen title={title} fill>
      {refused && (
        <p class="form-error" role="alert">
          {t('sync.refusedHint', { reason: errorText(refused.error.code) })}
        </p>
      )}
      {review && <ReviewRemark record={review} />}
      {restored && <DraftRestored onDiscard={() => void startOver()} />}
      <form class="help-form" onSubmit={save} noValidate>
        {/* The fields scroll in their own box above the Save bar, so no field is ever behind it. */}
        <div class="form-scroll">
          <HelpFields
            draft={draft}
            errors={errors}
            update={update}
            choices={choices}
            afterTopics={<TopicFiches topics={draft.topics} />}
          />
          <Details draft={draft} errors={errors} update={update} />
          <NoteFields draft={draft} errors={errors} update={update} />
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
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
