// The help form's fiches: the fiches of the chosen topics, each opened in one tap below the
// topics, without leaving the form (what was typed stays).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { ficheText, fichesForTopics } from '../../shared/fiches/list';
import { Button } from '../ui/Button';
import { FicheView } from './FicheView';
import { ficheLang, useFiches } from './useFiches';

export function TopicFiches({ topics }: { topics: readonly string[] }) {
  const all = useFiches();
  const [open, setOpen] = useState<string | null>(null);
  const fiches = fichesForTopics(all ?? [], topics);
  if (fiches.length === 0) return null;
  const lang = ficheLang();
  const shown = fiches.find((f) => f.key === open);
  return (
    <section class="topic-fiches" aria-labelledby="topic-fiches-h">
      <h2 id="topic-fiches-h" class="topic-fiches-h">
        {t('fiches.forTopic')}
      </h2>
      <ul class="fiche-links">
        {fiches.map((f) => (
          <li key={f.key}>
            <button
              type="button"
              class="fiche-link"
              aria-expanded={open === f.key}
              aria-controls={open === f.key ? 'topic-fiche' : undefined}
              onClick={() => setOpen(open === f.key ? null : f.key)}
            >
              {ficheText(f, lang).title}
            </button>
          </li>
        ))}
      </ul>
      {shown && (
        <div id="topic-fiche" class="topic-fiche">
          <FicheView fiche={shown} level={3} />
          <Button onClick={() => setOpen(null)}>{t('fiches.close')}</Button>
        </div>
      )}
    </section>
  );
}
