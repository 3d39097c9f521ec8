// The data-protection page: whom people ask about their data (the organisation's privacy
// contact, PATCH /org), the information sheet for the stand (InfoSheet.tsx, A5), what retention
// will anonymise soon and its last run, and a borrower's data on request: shown in words
// (BorrowerData.tsx, where the JSON stays downloadable) or erased.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../sync';
import { call } from '../api';
import { Field } from '../Field';
import { errorNotice, fieldErrors } from '../fieldErrors';
import { ct, ctn, when } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { LANGS, getLanguage } from '../../../shared/i18n';
import {
  SHEET_KINDS,
  sheetKindName,
  sheetLangName,
  sheetPath,
  type SheetKind,
  type SheetLang,
} from './InfoSheet';

interface RetentionStatus {
  withinDays: number;
  due: Record<
    'helpRequestNotes' | 'helpRequestLinks' | 'permanenceNotes' | 'borrowersWithEndedLoans',
    number
  >;
  lastRun: { ranAt: string; summary: Record<string, number> } | null;
}

interface OrgProfile {
  name: string;
  privacyContact?: string | null;
}

const RUN_COUNTS = ['freeTextCleared', 'linksDropped', 'borrowersDeleted'] as const;

/** What the last retention run did, in words ("3 notes cleared, 1 link to a person dropped"). */
function runSummary(summary: Record<string, number>): string {
  const parts = RUN_COUNTS.filter((k) => (summary[k] ?? 0) > 0).map((k) =>
    ctn(`privacy.run.${k}`, summary[k] ?? 0),
  );
  return parts.length ? parts.join(', ') : ct('privacy.lastRunNone');
}

/** The organisation's privacy contact: shown, edited and saved with PATCH /org. */
function PrivacyContact() {
  const me = useLoad(() => call<{ org: OrgProfile }>('GET', '/me'), []);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const saved = me.data?.org.privacyContact ?? '';
  useEffect(() => setValue(saved), [saved]);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      const { org } = await call<{ org: OrgProfile }>('PATCH', '/org', {
        body: { privacyContact: value.trim() },
      });
      setValue(org.privacyContact ?? '');
      setNotice(ct('privacy.contactSaved'));
    } catch (err) {
      const { fields, general } = fieldErrors(err, (p) =>
        p[0] === 'privacyContact' ? 'contact' : undefined,
      );
      setError(fields.contact);
      if (general) setNotice(general);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="ws-panel" aria-labelledby="contact-title" onSubmit={(e) => void save(e)}>
      <h2 id="contact-title">{ct('privacy.contactTitle')}</h2>
      <Status error={me.error} loading={!me.data} />
      {me.data && (
        <>
          <div class="ws-toolbar ws-contact">
            <Field
              id="privacy-contact"
              label={ct('privacy.contact')}
              hint={ct('privacy.contactHint')}
              error={error}
            >
              {(a) => (
                <input
                  {...a}
                  value={value}
                  maxLength={300}
                  onInput={(e) => setValue(e.currentTarget.value)}
                />
              )}
            </Field>
            <button type="submit" disabled={busy || value.trim() === saved}>
              {ct('privacy.contactSave')}
            </button>
          </div>
          {!saved && <p class="field-hint">{ct('privacy.contactNone')}</p>}
        </>
      )}
      <p role="status">{notice}</p>
    </form>
  );
}

/** The choice of information sheet, opened as its page to look at and print. */
function SheetChoice() {
  const [lang, setLang] = useState<SheetLang>(getLanguage());
  const [kind, setKind] = useState<SheetKind>('both');
  return (
    <div class="ws-panel" role="group" aria-labelledby="sheet-choice-title">
      <h2 id="sheet-choice-title">{ct('privacy.sheetTitle')}</h2>
      <p class="field-hint">{ct('privacy.sheetHint')}</p>
      <div class="ws-toolbar">
        <Field id="sheet-choice-lang" label={ct('privacy.sheetLang')}>
          {(a) => (
            <select {...a} value={lang} onChange={(e) => setLang(e.currentTarget.value as SheetLang)}>
              {[...LANGS, 'all' as const].map((l) => (
                <option key={l} value={l}>
                  {sheetLangName(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="sheet-choice-kind" label={ct('privacy.sheetWhich')}>
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.currentTarget.value as SheetKind)}>
              {SHEET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {sheetKindName(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <a class="btn-link" href={sheetPath(lang, kind)}>
          {ct('privacy.sheetOpen')}
        </a>
      </div>
    </div>
  );
}

/** The data-protection screen. */
export function DataProtection() {
  const status = useLoad(() => call<RetentionStatus>('GET', '/retention/status'), []);
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState('');
  const fail = (e: unknown) =>
    setNotice(e instanceof ApiError && e.status === 404 ? ct('privacy.notFound') : errorNotice(e));
  const erase = async () => {
    if (!window.confirm(ct('privacy.confirmErase', { code }))) return;
    await call('POST', `/borrowers/${encodeURIComponent(code)}/erase`)
      .then(() => setNotice(ct('privacy.erased')))
      .catch(fail);
  };
  const s = status.data;
  return (
    <section aria-labelledby="privacy-title">
      <PageHeader id="privacy-title" title={ct('nav.privacy')} />
      <PrivacyContact />
      <SheetChoice />
      <Status error={status.error} loading={!s} />
      {s && (
        <>
          <h2>{ct('privacy.due', { days: s.withinDays })}</h2>
          <dl class="cards">
            {(Object.keys(s.due) as Array<keyof RetentionStatus['due']>).map((k) => (
              <div class="card" key={k}>
                <dt>{ct(`privacy.${k}`)}</dt>
                <dd class="figure">{s.due[k]}</dd>
              </div>
            ))}
          </dl>
          <h2>{ct('privacy.lastRun')}</h2>
          <p>
            {s.lastRun
              ? `${when(s.lastRun.ranAt, true)}: ${runSummary(s.lastRun.summary)}`
              : ct('privacy.never')}
          </p>
        </>
      )}
      <h2>{ct('privacy.borrowerTitle')}</h2>
      <div class="filters">
        <label>
          {ct('privacy.borrower')}
          <input value={code} maxLength={40} onInput={(e) => setCode(e.currentTarget.value.trim())} />
        </label>
        <button
          type="button"
          disabled={!code}
          onClick={() => (window.location.hash = `#/review/borrower/${encodeURIComponent(code)}`)}
        >
          {ct('privacy.show')}
        </button>
        <button type="button" class="danger" disabled={!code} onClick={() => void erase()}>
          {ct('privacy.erase')}
        </button>
      </div>
      <p role="status">{notice}</p>
    </section>
  );
}
