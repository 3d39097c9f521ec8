// Correcting a permanence log with the phone's own edit fields (src/app/permanence
// PermanenceFields): place, counts, extra helpers and closing notes. Only changed fields are
// sent, checked first against the same zod schema as on the phone and the server.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import {
  PermanenceFields,
  permanenceFields,
  permanenceForm,
  type PermanenceForm,
} from '../../permanence/PermanenceFields';
import { fieldErrors, focusFirstError, type IssueLike } from '../../ui/validation';
import { call, listAll } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';
import { changedFields, correctionIssues, serverIssues } from './corrections';

interface Props {
  record: Record<string, unknown> & { id: string; visitorCount: number; turnedAwayCount: number };
  onSaved: () => void;
  onCancel: () => void;
}

interface Place {
  id: string;
  name: string;
  active?: boolean;
}

/** The correction form of one permanence log. */
export function PermanenceCorrection({ record, onSaved, onCancel }: Props) {
  const [original] = useState(() => permanenceForm(record));
  const [form, setForm] = useState(original);
  const [issues, setIssues] = useState<IssueLike[]>([]);
  const [notice, setNotice] = useState('');
  const places = useLoad(() => listAll<Place>('locations'), []);
  const set = (key: keyof PermanenceForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const changes = changedFields(permanenceFields(original), permanenceFields(form));
    if (Object.keys(changes).length === 0) return setNotice(ct('correction.nothing'));
    const local = correctionIssues('permanences', record, changes);
    setIssues(local);
    if (local.length > 0) {
      setNotice(t('help.fixErrors'));
      return focusFirstError();
    }
    try {
      await call('PATCH', `/records/permanences/${record.id}`, { body: { changes } });
      onSaved();
    } catch (err) {
      const refused = serverIssues(err);
      setIssues(refused);
      setNotice(refused.length ? t('help.fixErrors') : errorNotice(err));
    }
  };

  if (!places.data) return <Status error={places.error} loading />;
  const locations = places.data
    .filter((p) => p.active !== false || p.id === original.locationId)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form class="ws-correction" onSubmit={(e) => void save(e)} noValidate aria-labelledby="correction-title">
      <h2 id="correction-title">{ct('correction.title')}</h2>
      <p class="field-hint">{ct('correction.hint')}</p>
      <PermanenceFields form={form} errors={fieldErrors(issues)} set={set} locations={locations} />
      <div class="ws-form-actions">
        <button type="submit">{ct('correction.save')}</button>
        <button type="button" class="secondary" onClick={onCancel}>
          {ct('correction.cancel')}
        </button>
        <p role="status">{notice}</p>
      </div>
    </form>
  );
}
