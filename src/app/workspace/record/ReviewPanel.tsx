// The review of one record: its state (new, reviewed, has issues) and the coordinator's comment,
// which reaches the volunteer's phone with "has issues". Saved with PATCH /records/:table/:id.
import { useState } from 'preact/hooks';
import { REVIEW_STATES, type TableName } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors } from '../fieldErrors';
import { ct } from '../i18n';

type Errors = { reviewState?: string; reviewComment?: string };

interface Props {
  table: TableName;
  record: { id: string; version: number; reviewState: string; reviewComment?: string | null };
  onSaved: () => void;
}

/** The review form in the side panel. */
export function ReviewPanel({ table, record, onSaved }: Props) {
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const save = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setNotice('');
    try {
      await call('PATCH', `/records/${table}/${record.id}`, {
        body: {
          reviewState: String(form.get('reviewState')),
          reviewComment: String(form.get('reviewComment') ?? '').trim() || null,
        },
      });
      setErrors({});
      setNotice(ct('detail.saved'));
      onSaved();
    } catch (err) {
      const { fields, general } = fieldErrors(err, ([first]) =>
        first === 'reviewState' || first === 'reviewComment' ? first : undefined,
      );
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };
  return (
    <form
      class="ws-panel"
      key={record.version}
      onSubmit={(e) => void save(e)}
      noValidate
      aria-labelledby="review-panel-title"
    >
      <h2 id="review-panel-title">{ct('reviewPanel.title')}</h2>
      <Field id="detail-review-state" label={ct('filter.reviewState')} error={errors.reviewState}>
        {(a) => (
          <select {...a} name="reviewState">
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s} selected={s === record.reviewState}>
                {ct(`review.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="detail-comment"
        label={ct('detail.comment')}
        hint={ct('reviewPanel.commentHint')}
        error={errors.reviewComment}
      >
        {(a) => (
          <textarea {...a} name="reviewComment" maxLength={2000} defaultValue={record.reviewComment ?? ''} />
        )}
      </Field>
      <div class="ws-form-actions">
        <button type="submit">{ct('reviewPanel.save')}</button>
        <p role="status">{notice}</p>
      </div>
    </form>
  );
}
