// The summary report of a chosen period (default: the last 12 weeks up to today, Brussels).
import { useState } from 'preact/hooks';
import { brusselsDay } from '../../../shared/report';
import type { ReportSummary } from '../../../shared/report-summary';
import { call } from '../api';
import { useLoad } from '../useLoad';

/** Today and 12 weeks before, as YYYY-MM-DD. */
function defaultPeriod(): { from: string; to: string } {
  const now = new Date();
  return { from: brusselsDay(new Date(now.getTime() - 84 * 86_400_000)), to: brusselsDay(now) };
}

/** The period state and the report loaded for it. */
export function useReport() {
  const [period, setPeriod] = useState(defaultPeriod);
  const report = useLoad(
    () => call<ReportSummary>('GET', '/reports/summary', { query: period }),
    [period.from, period.to],
  );
  return { period, setPeriod, report };
}
