// The dashboard's charts of one report, each with its figures as a table.
import type { ReportSummary } from '../../../shared/report-summary';
import { ct } from '../i18n';
import { useTopicNames } from '../topicNames';
import { ChartBox } from './ChartBox';
import { single, topicOutcomeSeries, weekSeries, weekTopicSeries } from './charts';

/**
 * Weekly help requests (by topic, or in total when every week-and-topic group is too small),
 * outcomes by topic, and reach. A chart with nothing to show says why in a sentence.
 */
export function Charts({ r }: { r: ReportSummary }) {
  const topics = useTopicNames();
  const byTopic = weekTopicSeries(r, topics.name);
  const perWeek = byTopic.labels.length > 0 ? byTopic : weekSeries(r);
  const outcomes = topicOutcomeSeries(r, topics.name);
  const allHidden = r.total !== 0;
  return (
    <>
      <ChartBox
        allHidden={allHidden}
        title={ct(perWeek === byTopic ? 'dashboard.perWeek' : 'dashboard.perWeekTotal')}
        kind="stacked"
        rowHead={ct('chart.week')}
        {...perWeek}
      />
      <ChartBox
        allHidden={allHidden}
        title={ct('dashboard.outcomes')}
        kind="stacked"
        rowHead={ct('filter.topic')}
        {...outcomes}
      />
      <ChartBox
        allHidden={allHidden}
        title={ct('dashboard.ageBand')}
        rowHead={ct('dashboard.ageBand')}
        {...single(ct('dashboard.total'), 'ageBand', r.reach.ageBand)}
      />
      <ChartBox
        allHidden={allHidden}
        title={ct('dashboard.gender')}
        kind="doughnut"
        rowHead={ct('dashboard.gender')}
        {...single(ct('dashboard.total'), 'gender', r.reach.gender)}
      />
      <ChartBox
        allHidden={allHidden}
        title={ct('dashboard.language')}
        rowHead={ct('dashboard.language')}
        {...single(ct('dashboard.total'), 'language', r.reach.language)}
      />
    </>
  );
}
