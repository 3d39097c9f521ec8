// One record: its fields, the review state and comment, a correction (the fields to change, as
// JSON, validated by the server against the record's schema), its audit trail and the values
// that stale writes overwrote.
import { useState } from 'preact/hooks';
import { REVIEW_STATES } from '../../../shared/records';
import { call } from '../api';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';
import { AuditTrail, type Detail } from './AuditTrail';
import { Field } from '../Field';
import { fieldErrors } from '../fieldErrors';

type Errors = { reviewState?: string; reviewComment?: string; changes?: string };

/** Where a server issue of PATCH /records/:table/:id belongs in the form. */
function fieldOfPatch(hasChanges: boolean) {
  return (path: PropertyKey[]): keyof Errors | undefined => {
    const [first] = path;
    if (first === 'reviewState' || first === 'reviewComment' || first === 'changes') return first;
    // The correction is checked against the whole record: its issues name record fields.
    return hasChanges ? 'changes' : undefined;
  };
}

/** The detail screen; args = [table, id]. */
export function RecordDetail({ args }: { args: string[] }) {
  const [table = '', id = ''] = args;
  const detail = useLoad(() => call<Detail>('GET', `/records/${table}/${id}`), [table, id]);
  const people = useLoad(() => call<{ users: Array<{ id: string; name: string }> }>('GET', '/people'), []);
  const names = new Map((people.data?.users ?? []).map((u) => [u.id, u.name]));
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const rec = detail.data?.record;

  const save = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const raw = String(form.get('changes') ?? '').trim();
    setNotice('');
    let changes: unknown;
    try {
      changes = raw ? JSON.parse(raw) : undefined;
    } catch {
      changes = null;
    }
    if (
      changes === null ||
      (changes !== undefined && (typeof changes !== 'object' || Array.isArray(changes)))
    ) {
      setErrors({ changes: ct('detail.badJson') });
      setNotice(ct('detail.notSaved'));
      return;
    }
    try {
      await call('PATCH', `/records/${table}/${id}`, {
        body: {
          reviewState: String(form.get('reviewState')),
          reviewComment: String(form.get('reviewComment') ?? '') || null,
          ...(changes !== undefined && { changes }),
        },
      });
      setErrors({});
      setNotice(ct('detail.saved'));
      detail.reload();
    } catch (err) {
      const { fields, general } = fieldErrors(err, fieldOfPatch(changes !== undefined));
      setErrors(fields);
      setNotice(general ?? ct('detail.notSaved'));
    }
  };

  return (
    <section aria-labelledby="detail-title">
      <h1 id="detail-title">{ct('detail.title')}</h1>
      <Status error={detail.error} loading={!detail.data} />
      {rec && (
        <>
          <pre class="record-json">{JSON.stringify(rec, null, 2)}</pre>
          <form key={String(rec.version)} onSubmit={(e) => void save(e)} noValidate>
            <Field id="detail-review-state" label={ct('filter.reviewState')} error={errors.reviewState}>
              {(a) => (
                <select {...a} name="reviewState" defaultValue={String(rec.reviewState)}>
                  {REVIEW_STATES.map((s) => (
                    <option key={s} value={s}>
                      {ct(`review.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="detail-comment" label={ct('detail.comment')} error={errors.reviewComment}>
              {(a) => (
                <textarea
                  {...a}
                  name="reviewComment"
                  maxLength={2000}
                  defaultValue={String(rec.reviewComment ?? '')}
                />
              )}
            </Field>
            <Field
              id="detail-changes"
              label={ct('detail.correction')}
              hint={ct('detail.correctionHelp')}
              error={errors.changes}
            >
              {(a) => <textarea {...a} name="changes" />}
            </Field>
            <button type="submit">{ct('common.save')}</button>
            <p role="status">{notice}</p>
          </form>
          <AuditTrail detail={detail.data!} names={names} />
        </>
      )}
    </section>
  );
}
