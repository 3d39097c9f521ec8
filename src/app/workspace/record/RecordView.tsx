// One record as a coordinator reads it (modelled on ODK Central's submission view): labelled
// fields in words, names instead of ids, Brussels dates; beside it the review (state and the
// comment the volunteer sees); under it the audit trail in words. "Correct" opens the phone's
// own form for help requests and permanence logs. Never JSON, never an id on screen.
import { useState } from 'preact/hooks';
import { TABLES, type TableName } from '../../../shared/records';
import type { ReferenceNames } from '../../../shared/references';
import { ApiError } from '../../../sync';
import { call } from '../api';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { FieldList } from '../ui/FieldList';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { AuditTrail, type AuditEntry, type MergeEntry } from './AuditTrail';
import { describeRecord, type Naming } from './fields';
import { HelpCorrection } from './HelpCorrection';
import { PermanenceCorrection } from './PermanenceCorrection';
import { RecordNav } from './RecordNav';
import { ReviewPanel } from './ReviewPanel';

type Rec = Record<string, unknown> & {
  id: string;
  version: number;
  reviewState: string;
  reviewComment?: string | null;
};

export interface Detail {
  record: Rec;
  audit: AuditEntry[];
  merges: MergeEntry[];
  names: ReferenceNames;
}

const isTable = (t: string): t is TableName => (TABLES as readonly string[]).includes(t);

/** The main column: the fields in words, or the correction form. */
function RecordBody({
  table,
  d,
  naming,
  reload,
}: {
  table: TableName;
  d: Detail;
  naming: Naming;
  reload: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const saved = () => {
    setEditing(false);
    setNotice(ct('correction.saved'));
    reload();
  };
  const cancel = () => setEditing(false);
  if (editing && table === 'help_requests')
    return <HelpCorrection record={d.record} onSaved={saved} onCancel={cancel} />;
  if (editing && table === 'permanences')
    return (
      <PermanenceCorrection
        record={d.record as Rec & { visitorCount: number; turnedAwayCount: number }}
        onSaved={saved}
        onCancel={cancel}
      />
    );
  const items = describeRecord(table, d.record, naming).map((f) =>
    f.field === 'permanenceId' && f.value
      ? {
          label: f.label,
          value: (
            <a href={`#/review/record/permanences/${String(d.record.permanenceId)}`}>
              {ct('record.openPermanence')}
            </a>
          ),
        }
      : f,
  );
  return (
    <div>
      <h2 id="fields-title">{ct('record.fields')}</h2>
      <FieldList items={items} />
      {/* Equipment has its own page (status steps, loan history): equipment/AssetPage. */}
      {(table === 'equipment' || table === 'loans') && (
        <a
          class="btn-link secondary"
          href={`#/review/asset/${String(table === 'equipment' ? d.record.id : d.record.equipmentId)}`}
        >
          {ct('asset.open')}
        </a>
      )}
      {(table === 'help_requests' || table === 'permanences') && (
        <button type="button" onClick={() => (setNotice(''), setEditing(true))}>
          {ct('correction.start')}
        </button>
      )}
      <p role="status">{notice}</p>
    </div>
  );
}

/** The record screen; args = [table, id]. */
export function RecordView({ args }: { args: string[] }) {
  const [table = '', id = ''] = args;
  const detail = useLoad(() => call<Detail>('GET', `/records/${table}/${id}`), [table, id]);
  const topics = useTopicNames();
  const d = detail.data;
  // Ids are unique across kinds, so one map names them all.
  const naming: Naming = {
    names: Object.assign({}, ...Object.values(d?.names ?? {})),
    topicName: topics.name,
  };
  const missing =
    detail.failure instanceof ApiError && (detail.failure.status === 404 || detail.failure.status === 400);
  const title = isTable(table) ? ct(`record.${table}`) : ct('detail.title');
  const at = d && (d.record.occurredAt ?? d.record.startedAt);
  const by = d?.record.createdBy ? naming.names[String(d.record.createdBy)] : undefined;
  return (
    <section aria-labelledby="detail-title">
      <PageHeader
        id="detail-title"
        title={title}
        sub={at ? [when(String(at), true), by].filter(Boolean).join(' · ') : undefined}
        actions={
          <a class="btn-link secondary" href="#/review/inbox">
            {ct('record.back')}
          </a>
        }
      />
      <RecordNav table={table} id={id} />
      {missing ? <p role="alert">{ct('record.notFound')}</p> : <Status error={detail.error} loading={!d} />}
      {d && isTable(table) && (
        <>
          <div class="ws-split">
            <RecordBody key={d.record.id} table={table} d={d} naming={naming} reload={detail.reload} />
            <aside>
              <ReviewPanel key={d.record.id} table={table} record={d.record} onSaved={detail.reload} />
            </aside>
          </div>
          <AuditTrail table={table} audit={d.audit} merges={d.merges} naming={naming} />
        </>
      )}
    </section>
  );
}
