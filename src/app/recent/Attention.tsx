// The records a coordinator marked "has issues", first on Recent: what each is, the
// coordinator's remark and a link to the same form that made it, to correct it. A corrected
// record is new again when it is saved (src/local/write.ts) and leaves this list at once.
import { formatDateTime, getLanguage, label, t, topicLabel, type TopicNames } from '../../shared/i18n';
import type { RecordsWithIssues } from '../../local';
import { ReviewRemark } from '../ui/ReviewRemark';
import { SyncBadge } from '../ui/SyncBadge';

interface Props {
  records: RecordsWithIssues;
  topics?: ReadonlyMap<string, TopicNames | undefined>;
}

/** The "needs your attention" section, or nothing when no record has issues. */
export function Attention({ records, topics }: Props) {
  const lang = getLanguage();
  if (records.help.length + records.permanences.length === 0) return null;
  const items = [
    ...records.help.map((h) => ({
      id: h.id,
      record: h,
      href: `#/help/${encodeURIComponent(h.id)}`,
      what: `${t('recent.kindHelp')} · ${formatDateTime(lang, h.occurredAt)} · ${h.topics
        .map((k) => topicLabel(k, topics))
        .join(', ')} · ${label('outcome', h.outcome)}`,
    })),
    ...records.permanences.map((p) => ({
      id: p.id,
      record: p,
      href: `#/permanence/${encodeURIComponent(p.id)}`,
      what: `${t('recent.kindPermanence')} · ${formatDateTime(lang, p.startedAt)} · ${label('permanenceKind', p.kind)}`,
    })),
  ];
  return (
    <section class="attention" aria-labelledby="recent-attention-h">
      <h2 id="recent-attention-h">{t('recent.attention')}</h2>
      <p>{t('recent.attentionIntro')}</p>
      <ul class="list">
        {items.map((item) => (
          <li key={item.id}>
            <p class="attention-what">
              {item.what}
              <span class="badge badge-warn">{label('reviewState', 'has_issues')}</span>
              {item.record.syncState !== 'synced' && <SyncBadge record={item.record} />}
            </p>
            <ReviewRemark record={item.record} />
            <a class="btn" href={item.href}>
              {t('recent.correct')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
