// The coordinator's remark on a record marked "has issues", shown where the volunteer can act on
// it: the "needs your attention" list of Recent and the forms that correct the record.
import { t } from '../../shared/i18n';

/** The remark, or nothing when the record has no issues. */
export function ReviewRemark({
  record,
}: {
  record: { reviewState?: string; reviewComment?: string | null };
}) {
  if (record.reviewState !== 'has_issues') return null;
  const comment = record.reviewComment?.trim();
  if (!comment) return <p class="review-remark">{t('recent.noComment')}</p>;
  return (
    <figure class="review-remark">
      <figcaption>{t('recent.coordinatorSays')}</figcaption>
      <blockquote>{comment}</blockquote>
    </figure>
  );
}
