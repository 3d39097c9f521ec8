// The fiches on this phone (#/fiches), to pick one by topic, and one fiche (#/fiches/<key>):
// read from the phone only, so they work without a network, images included.
import { useState } from 'preact/hooks';
import { t, topicLabel } from '../../shared/i18n';
import { ficheText } from '../../shared/fiches/list';
import { topicNames } from '../../local';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { FicheView } from './FicheView';
import { ficheLang, useFiches } from './useFiches';

/** The list of fiches, with a topic filter. */
export function FichesPage() {
  const all = useFiches();
  const names = useLive(topicNames);
  const [topic, setTopic] = useState('');
  const lang = ficheLang();
  const active = (all ?? []).filter((f) => f.active);
  const topics = [...new Set(active.flatMap((f) => f.topics))]
    .map((k) => ({ key: k, name: topicLabel(k, names) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const shown = topic ? active.filter((f) => f.topics.includes(topic)) : active;
  return (
    <Screen title={t('fiches.title')}>
      <p class="hint">{t('fiches.intro')}</p>
      {all && active.length === 0 && <p>{t('fiches.none')}</p>}
      {topics.length > 1 && (
        <p class="field">
          <label for="fiche-topic">{t('fiches.topicFilter')}</label>
          <select id="fiche-topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
            <option value="">{t('fiches.allTopics')}</option>
            {topics.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <ul class="fiche-list">
        {shown.map((f) => (
          <li key={f.key}>
            <a href={`#/fiches/${encodeURIComponent(f.key)}`}>{ficheText(f, lang).title}</a>
            <span class="hint"> {f.topics.map((k) => topicLabel(k, names)).join(', ')}</span>
          </li>
        ))}
      </ul>
    </Screen>
  );
}

/** One fiche on its own screen. */
export function FichePage({ ficheKey }: { ficheKey: string }) {
  const all = useFiches();
  const fiche = all?.find((f) => f.key === ficheKey && f.active);
  const title = fiche ? ficheText(fiche, ficheLang()).title : t('fiches.title');
  return (
    <Screen title={title} back="#/fiches">
      {all && !fiche && <p>{t('fiches.notFound')}</p>}
      {fiche && <FicheView fiche={fiche} level={1} />}
    </Screen>
  );
}
