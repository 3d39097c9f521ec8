// Fiches in the workspace (#/review/fiches): the list of the organisation's fiches and the
// starter fiches, with their topics and languages; a fiche's editor at #/review/fiches/edit/<key>
// (new: #/review/fiches/new) and its A5 card at #/review/fiches/print/<key>/<lang>.
import { topicLabel } from '../../../shared/i18n';
import { ficheText, type ShownFiche } from '../../../shared/fiches/list';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { PageHeader } from '../ui/PageHeader';
import { useAllFiches, wsLang } from './data';
import { FicheCard } from './FicheCard';
import { FicheEditor } from './FicheEditor';

const LANGS = ['nl', 'fr', 'en'] as const;

function languages(f: ShownFiche): string {
  return LANGS.filter((l) => f.texts[l]?.title)
    .map((l) => ct(`fiches.lang.${l}`))
    .join(', ');
}

/** The fiches page and its sub-pages. */
export function Fiches({ args }: { args: string[] }) {
  const { fiches, error, reload } = useAllFiches();
  const topics = useTopicNames();
  if (args[0] === 'new' || args[0] === 'edit' || args[0] === 'print') {
    if (!fiches) return <Status error={error} loading />;
    const fiche = args[0] === 'new' ? undefined : fiches.find((f) => f.key === args[1]);
    if (args[0] !== 'new' && !fiche) return <p role="alert">{ct('fiches.empty')}</p>;
    if (args[0] === 'print') return <FicheCard fiche={fiche!} lang={args[2]} />;
    return <FicheEditor key={args[1] ?? 'new'} fiche={fiche} onSaved={reload} />;
  }
  const lang = wsLang();
  return (
    <section aria-labelledby="fiches-title">
      <PageHeader
        id="fiches-title"
        title={ct('fiches.heading')}
        sub={ct('fiches.intro')}
        actions={
          <a class="btn-link" href="#/review/fiches/new">
            {ct('fiches.new')}
          </a>
        }
      />
      <Status error={error} loading={!fiches} />
      {fiches && (
        <table>
          <thead>
            <tr>
              <th scope="col">{ct('fiches.colTitle')}</th>
              <th scope="col">{ct('fiches.colTopics')}</th>
              <th scope="col">{ct('fiches.colLanguages')}</th>
              <th scope="col">{ct('fiches.colSource')}</th>
            </tr>
          </thead>
          <tbody>
            {fiches.map((f) => (
              <tr key={f.key}>
                <td>
                  <a href={`#/review/fiches/edit/${encodeURIComponent(f.key)}`}>{ficheText(f, lang).title}</a>
                  {!f.active && <span class="fiche-hidden"> {ct('fiches.hidden')}</span>}
                </td>
                <td>{f.topics.map((k) => topics.name(k) || topicLabel(k)).join(', ')}</td>
                <td>{languages(f)}</td>
                <td>{f.builtIn ? ct('fiches.builtIn') : ct('fiches.own')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
