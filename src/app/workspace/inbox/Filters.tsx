// The review inbox filters: record type, period, place, volunteer, topic and review state.
import type { TopicNaming } from '../topicNames';
import { BUILTIN_TOPICS } from '../../../shared/topics';
import { REVIEW_STATES } from '../../../shared/records';
import { useState } from 'preact/hooks';
import { ct } from '../i18n';
import { Field } from '../Field';
import type { FieldErrors } from '../fieldErrors';

export interface InboxFilter {
  table: 'help_requests' | 'permanences';
  from: string;
  to: string;
  reviewState: string;
  topic: string;
  createdBy: string;
  locationId: string;
  /** Help requests: '' any, 'true' follow-up needed, 'false' none needed. */
  followUp: string;
}

interface Props {
  value: InboxFilter;
  people: Array<{ id: string; name: string }>;
  places: Array<{ id: string; name: string }>;
  /** Topic names; the organisation's own topics follow the built-in ones. */
  topics: TopicNaming;
  /** Messages of the server about filter fields (by field name). */
  errors?: FieldErrors;
  onChange: (f: InboxFilter) => void;
}

/**
 * The filter form; changes apply on submit, unless a value is not valid. A select shows its
 * filter through `selected` on the option: Preact ignores `defaultValue` on a select, which once
 * showed "any" state while the list was filtered on "new" (issue 10: after a bulk review the list
 * said "nothing matches" with every filter at "any").
 */
export function Filters({ value, people, places, topics, errors = {}, onChange }: Props) {
  const [local, setLocal] = useState<FieldErrors>({});
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => String(form.get(k) ?? '');
    const next: InboxFilter = {
      table: get('table') === 'permanences' ? 'permanences' : 'help_requests',
      from: get('from'),
      to: get('to'),
      reviewState: get('reviewState'),
      topic: get('topic'),
      createdBy: get('createdBy'),
      locationId: get('locationId'),
      followUp: get('table') === 'permanences' ? '' : get('followUp'),
    };
    const problems: FieldErrors = {};
    if (next.from && next.to && next.to < next.from) problems.to = ct('filter.toBeforeFrom');
    setLocal(problems);
    if (Object.keys(problems).length === 0) onChange(next);
  };
  const err = (k: keyof InboxFilter) => local[k] ?? errors[k];
  return (
    <form class="filters" onSubmit={submit} noValidate aria-label={ct('filter.label')}>
      <Field id="filter-table" label={ct('filter.table')} error={err('table')}>
        {(a) => (
          <select {...a} name="table">
            <option value="help_requests" selected={value.table === 'help_requests'}>
              {ct('table.help_requests')}
            </option>
            <option value="permanences" selected={value.table === 'permanences'}>
              {ct('table.permanences')}
            </option>
          </select>
        )}
      </Field>
      <Field id="filter-from" label={ct('filter.from')} error={err('from')}>
        {(a) => <input {...a} type="date" name="from" defaultValue={value.from} />}
      </Field>
      <Field id="filter-to" label={ct('filter.to')} error={err('to')}>
        {(a) => <input {...a} type="date" name="to" defaultValue={value.to} />}
      </Field>
      <Field id="filter-place" label={ct('filter.place')} error={err('locationId')}>
        {(a) => (
          <select {...a} name="locationId">
            <option value="" selected={value.locationId === ''}>
              {ct('filter.any')}
            </option>
            {places.map((p) => (
              <option key={p.id} value={p.id} selected={value.locationId === p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-volunteer" label={ct('filter.volunteer')} error={err('createdBy')}>
        {(a) => (
          <select {...a} name="createdBy">
            <option value="" selected={value.createdBy === ''}>
              {ct('filter.any')}
            </option>
            {people.map((p) => (
              <option key={p.id} value={p.id} selected={value.createdBy === p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-topic" label={ct('filter.topic')} error={err('topic')}>
        {(a) => (
          <select {...a} name="topic">
            <option value="" selected={value.topic === ''}>
              {ct('filter.any')}
            </option>
            {[...BUILTIN_TOPICS, ...topics.ownKeys].map((k) => (
              <option key={k} value={k} selected={value.topic === k}>
                {topics.name(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-review-state" label={ct('filter.reviewState')} error={err('reviewState')}>
        {(a) => (
          <select {...a} name="reviewState">
            <option value="" selected={value.reviewState === ''}>
              {ct('filter.any')}
            </option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s} selected={value.reviewState === s}>
                {ct(`review.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-follow-up" label={ct('filter.followUp')} error={err('followUp')}>
        {(a) => (
          <select {...a} name="followUp">
            <option value="" selected={value.followUp === ''}>
              {ct('filter.any')}
            </option>
            <option value="true" selected={value.followUp === 'true'}>
              {ct('filter.followUpYes')}
            </option>
            <option value="false" selected={value.followUp === 'false'}>
              {ct('filter.followUpNo')}
            </option>
          </select>
        )}
      </Field>
      <button type="submit">{ct('filter.apply')}</button>
    </form>
  );
}
