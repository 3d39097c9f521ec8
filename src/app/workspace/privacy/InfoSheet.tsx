// The information sheet for the stand (GDPR art. 13): the visitor and/or borrower information
// text (src/shared/info-texts.ts) in a chosen language, each on its own A5 page, naming the
// organisation and its privacy contact as the server has them now (GET /me). Reached from the
// data-protection page at #/review/info-sheet/<lang|all>/<visitor|borrower|both>; the screen
// shows the pages as they will print, and Print prints only them (workspace.css: named page
// `info-sheet`, A5). tests/e2e/info-sheet.test.ts prints it to PDF and checks every page is A5.
import { INFO_KINDS, type InfoKind } from '../../../shared/info-texts';
import { LANGS, type Lang } from '../../../shared/i18n';
import { InfoTextBody } from '../../ui/InfoText';
import { call } from '../api';
import { Field } from '../Field';
import { ct, ctn } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';

export type SheetLang = Lang | 'all';
export type SheetKind = InfoKind | 'both';
export const SHEET_KINDS: readonly SheetKind[] = [...INFO_KINDS, 'both'];

const NATIVE_NAMES: Record<Lang, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** The language choices of a sheet: each language by its own name, or all three. */
export function sheetLangName(l: SheetLang): string {
  return l === 'all' ? ct('privacy.sheetAllLangs') : NATIVE_NAMES[l];
}

/** The choice of sheet in words. */
export function sheetKindName(k: SheetKind): string {
  return ct(
    k === 'visitor'
      ? 'privacy.sheetVisitor'
      : k === 'borrower'
        ? 'privacy.sheetBorrower'
        : 'privacy.sheetBoth',
  );
}

/** The sheet's hash path for a language and a kind. */
export const sheetPath = (lang: SheetLang, kind: SheetKind) => `#/review/info-sheet/${lang}/${kind}`;

/** The pages a choice prints: per language, the visitor text then the borrower text. */
export function sheetPages(lang: SheetLang, kind: SheetKind): Array<{ lang: Lang; kind: InfoKind }> {
  const langs = lang === 'all' ? LANGS : [lang];
  const kinds = kind === 'both' ? INFO_KINDS : [kind];
  return langs.flatMap((l) => kinds.map((k) => ({ lang: l, kind: k })));
}

const isLang = (v: string | undefined): v is SheetLang =>
  v === 'all' || (LANGS as readonly string[]).includes(v ?? '');
const isKind = (v: string | undefined): v is SheetKind =>
  (SHEET_KINDS as readonly string[]).includes(v ?? '');

/** The sheet page: its choices, the A5 pages as they print, and Print. */
export function InfoSheet({ args }: { args: string[] }) {
  const lang: SheetLang = isLang(args[0]) ? args[0] : 'nl';
  const kind: SheetKind = isKind(args[1]) ? args[1] : 'both';
  const me = useLoad(() => call<{ org: { name: string; privacyContact?: string | null } }>('GET', '/me'), []);
  const org = me.data?.org;
  const pages = sheetPages(lang, kind);
  const go = (l: SheetLang, k: SheetKind) => {
    window.location.hash = sheetPath(l, k);
  };
  return (
    <section aria-labelledby="sheet-title">
      <div class="no-print">
        <PageHeader
          id="sheet-title"
          title={ct('privacy.sheetPageTitle')}
          sub={ctn('privacy.sheetPages', pages.length)}
          actions={
            <>
              <a class="btn-link" href="#/review/privacy">
                {ct('privacy.sheetBack')}
              </a>
              <button type="button" onClick={() => window.print()} disabled={!org}>
                {ct('report.print')}
              </button>
            </>
          }
        />
        <div class="ws-toolbar">
          <Field id="sheet-lang" label={ct('privacy.sheetLang')}>
            {(a) => (
              <select {...a} value={lang} onChange={(e) => go(e.currentTarget.value as SheetLang, kind)}>
                {[...LANGS, 'all' as const].map((l) => (
                  <option key={l} value={l}>
                    {sheetLangName(l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="sheet-kind" label={ct('privacy.sheetWhich')}>
            {(a) => (
              <select {...a} value={kind} onChange={(e) => go(lang, e.currentTarget.value as SheetKind)}>
                {SHEET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {sheetKindName(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Status error={me.error} loading={!me.data} />
        {org && !org.privacyContact?.trim() && (
          <p class="ws-warning" role="note">
            {ct('privacy.sheetNoContact')}
          </p>
        )}
      </div>
      {org && (
        <div class="info-sheets">
          {pages.map((p) => (
            <div class="info-sheet" key={`${p.lang}-${p.kind}`}>
              <p class="info-sheet-org" lang={p.lang}>
                {org.name}
              </p>
              <InfoTextBody
                kind={p.kind}
                lang={p.lang}
                parties={{ org: org.name, contact: org.privacyContact ?? null }}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
