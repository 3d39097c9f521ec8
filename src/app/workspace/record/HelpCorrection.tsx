// Correcting a help request with the phone's own form (HelpFields, Details, NoteFields from
// src/app/help): the coordinator taps the same chips and picks the same selects as the
// volunteer did. Only changed fields are sent (PATCH changes); the audit trail keeps the rest.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { Details } from '../../help/Details';
import { draftOf, toRecord, type Draft } from '../../help/draft';
import { HelpFields } from '../../help/HelpFields';
import { NoteFields } from '../../help/NoteFields';
import type { LocalHelpRequest } from '../../../local';
import { fieldErrors, focusFirstError, type IssueLike } from '../../ui/validation';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { changedFields, correctionIssues, serverIssues } from './corrections';
import { useServerHelpChoices } from './useHelpChoices';

interface Props {
  record: Record<string, unknown> & { id: string };
  onSaved: () => void;
  onCancel: () => void;
}

/** The correction form of one help request. */
export function HelpCorrection({ record, onSaved, onCancel }: Props) {
  const [original] = useState<Draft>(() => draftOf(record as unknown as LocalHelpRequest));
  const [draft, setDraft] = useState(original);
  const [issues, setIssues] = useState<IssueLike[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const keep = new Set([...original.topics, ...original.referralPartnerIds, original.locationId ?? '']);
  const choices = useServerHelpChoices(keep);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const at = String(record.occurredAt);
    const changes = changedFields(toRecord(original, at), toRecord(draft, at));
    if (Object.keys(changes).length === 0) return setNotice(ct('correction.nothing'));
    const local = correctionIssues('help_requests', record, changes);
    setIssues(local);
    if (local.length > 0) {
      setNotice(t('help.fixErrors'));
      return focusFirstError();
    }
    setBusy(true);
    try {
      await call('PATCH', `/records/help_requests/${record.id}`, { body: { changes } });
      onSaved();
    } catch (err) {
      const refused = serverIssues(err);
      setIssues(refused);
      setNotice(refused.length ? t('help.fixErrors') : errorNotice(err));
      if (refused.length) focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  if (!choices) return <Status loading />;
  const errors = fieldErrors(issues);
  return (
    <form class="ws-correction" onSubmit={(e) => void save(e)} noValidate aria-labelledby="correction-title">
      <h2 id="correction-title">{ct('correction.title')}</h2>
      <p class="field-hint">{ct('correction.hint')}</p>
      <HelpFields draft={draft} errors={errors} update={update} choices={choices} />
      <Details draft={draft} errors={errors} update={update} />
      <NoteFields draft={draft} errors={errors} update={update} />
      <div class="ws-form-actions">
        <button type="submit" disabled={busy}>
          {ct('correction.save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {ct('correction.cancel')}
        </button>
        <p role="status">{notice}</p>
      </div>
    </form>
  );
}
