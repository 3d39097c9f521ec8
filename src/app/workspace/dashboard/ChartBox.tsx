// One Chart.js chart on a canvas (bars, stacked bars or doughnut) with its figures as a table
// beside it (under it on narrow windows and in print), so the numbers are readable, printed and
// reachable by assistive technology: the canvas is a picture of the table (aria-hidden).
// Only the pieces used are registered, and Chart.js ships in the lazy coordinator chunk only.
// Hidden groups (report.ts: fewer than 5 people, or one that would let such a group be worked
// out) are not in the data, so no bar is drawn for them and no label names them; a cell the
// report does not give shows "–" in the table (none, or hidden: the page's one footnote,
// HiddenNote, says so). A chart whose groups are all hidden is a sentence, not an empty frame.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { getLanguage } from '../../../shared/i18n';
import { ct } from '../i18n';
import { shownNumber } from './Hidden';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Legend,
  Tooltip,
);

const COLOURS = ['#0b5cad', '#c0392b', '#17612e', '#8e44ad', '#b35900', '#1b7a8c', '#595959', '#a0206e'];

export interface Series {
  label: string;
  /** One value per label; null: no figure (none, or hidden). */
  values: Array<number | null>;
}

interface Props {
  title: string;
  labels: string[];
  series: Series[];
  kind?: 'bar' | 'stacked' | 'doughnut';
  /** The table's first column heading (what the labels are: week, topic...). */
  rowHead: string;
  /** There were people in the period, but every group is too small to show. */
  allHidden?: boolean;
  /** Leaves the canvas out: the table only (the printed funder report's small breakdowns). */
  tableOnly?: boolean;
}

/** The chart's figures as a table: a row per label, a column per series. */
function FigureTable({ title, labels, series, rowHead }: Props) {
  const lang = getLanguage();
  return (
    <table class="ws-chart-table">
      <caption class="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHead}</th>
          {series.map((s) => (
            <th scope="col" class="num" key={s.label}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((l, i) => (
          <tr key={l}>
            <th scope="row">{l}</th>
            {series.map((s) => (
              <td class="num" key={s.label}>
                {shownNumber(lang, s.values[i] ?? null)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A chart with a heading and its table; `series` share `labels`. */
export function ChartBox(props: Props) {
  const { title, labels, series, kind = 'bar', allHidden = false, tableOnly = false } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const empty = labels.length === 0 || series.length === 0;
  useEffect(() => {
    if (!canvas.current || empty || tableOnly) return;
    const chart = new Chart(canvas.current, {
      type: kind === 'doughnut' ? 'doughnut' : 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values, // null: no bar
          backgroundColor: kind === 'doughnut' ? COLOURS : COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: kind === 'doughnut' || series.length > 1 } },
        scales:
          kind === 'doughnut'
            ? {}
            : {
                x: { stacked: kind === 'stacked' },
                // Counts of people: whole numbers on the axis, never 0.5.
                y: { stacked: kind === 'stacked', beginAtZero: true, ticks: { precision: 0 } },
              },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify({ labels, series, kind, tableOnly })]);
  return (
    <figure class="ws-chart">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {empty ? (
        <p class="ws-chart-none">{ct(allHidden ? 'chart.allHidden' : 'chart.empty')}</p>
      ) : (
        <div class={tableOnly ? 'ws-chart-body ws-chart-tableonly' : 'ws-chart-body'}>
          {!tableOnly && (
            <div class="chart">
              <canvas ref={canvas} aria-hidden="true" />
            </div>
          )}
          <FigureTable {...props} />
        </div>
      )}
    </figure>
  );
}
