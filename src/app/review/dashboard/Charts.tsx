// The dashboard's charts of one report (shared by the dashboard and the funder report).
import type { ReportSummary } from '../../../shared/report';
import { ct } from '../i18n';
import { useTopicNames } from '../topicNames';
import { ChartBox } from './ChartBox';
import { single, topicOutcomeSeries, weekTopicSeries } from './charts';

/** Weekly topics, outcomes by topic, and reach. */
export function Charts({ r, compact = false }: { r: ReportSummary; compact?: boolean }) {
  const topics = useTopicNames();
  const weeks = weekTopicSeries(r, topics.name);
  const outcomes = topicOutcomeSeries(r, topics.name);
  return (
    <>
      <ChartBox title={ct('dashboard.perWeek')} kind="stacked" {...weeks} />
      <ChartBox title={ct('dashboard.outcomes')} kind="stacked" {...outcomes} />
      {!compact && (
        <>
          <ChartBox
            title={ct('dashboard.ageBand')}
            {...single(ct('dashboard.ageBand'), 'ageBand', r.reach.ageBand)}
          />
          <ChartBox
            title={ct('dashboard.gender')}
            kind="doughnut"
            {...single(ct('dashboard.gender'), 'gender', r.reach.gender)}
          />
          <ChartBox
            title={ct('dashboard.language')}
            {...single(ct('dashboard.language'), 'language', r.reach.language)}
          />
        </>
      )}
    </>
  );
}
