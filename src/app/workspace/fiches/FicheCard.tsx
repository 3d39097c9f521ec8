// A fiche as an A5 card to print (#/review/fiches/print/<key>/<lang>): the organisation's name,
// the title, the steps and images, and "help with, not do for" at the foot. The screen shows
// the card as it prints; Print prints only it (workspace.css: the named page `fiche-card`, A5,
// like the stand's information sheets). tests/e2e/fiches.test.ts prints it to PDF.
import { ficheText, type FicheLang, type ShownFiche } from '../../../shared/fiches/list';
import { imageIds } from '../../../shared/markdown';
import { Markdown } from '../../fiches/Markdown';
import { call } from '../api';
import { ct } from '../i18n';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { useServerImageUrls } from './data';

const isLang = (l: string | undefined): l is FicheLang => l === 'nl' || l === 'fr' || l === 'en';

export function FicheCard({ fiche, lang }: { fiche: ShownFiche; lang: string | undefined }) {
  const text = ficheText(fiche, isLang(lang) ? lang : 'nl');
  const ids = imageIds(text.body);
  const urls = useServerImageUrls(ids);
  const me = useLoad(() => call<{ org: { name: string } }>('GET', '/me'), []);
  const ready = !!me.data && urls.size === ids.length;
  return (
    <section aria-labelledby="card-page-title">
      <div class="no-print">
        <PageHeader
          id="card-page-title"
          title={ct('fiches.print')}
          actions={
            <>
              <a class="btn-link secondary" href={`#/review/fiches/edit/${encodeURIComponent(fiche.key)}`}>
                {ct('fiches.back')}
              </a>
              <button type="button" onClick={() => window.print()} disabled={!ready}>
                {ct('report.print')}
              </button>
            </>
          }
        />
      </div>
      <div class="fiche-cards">
        <article class="fiche-card fiche" lang={text.lang} data-ready={ready ? 'true' : undefined}>
          <p class="fiche-card-org">{me.data?.org.name ?? ''}</p>
          <h2>{text.title}</h2>
          <Markdown
            source={text.body}
            imageUrl={(i) => urls.get(i)}
            missingImage={(alt) => alt}
            headingBase={3}
          />
          <p class="fiche-card-foot">{ct('fiches.cardFooter', { org: me.data?.org.name ?? '' })}</p>
        </article>
      </div>
    </section>
  );
}
