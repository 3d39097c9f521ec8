// One Chart.js chart on a canvas (bars, stacked bars or doughnut). Only the pieces used are
// registered, and Chart.js ships in the lazy coordinator chunk only. The canvas has a text
// alternative; a hidden count ("fewer than 5") draws no bar, and its label and the text
// alternative say "fewer than 5": it is never shown as 0.
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
import { count, ct } from '../i18n';

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
  values: Array<number | null>;
}

interface Props {
  title: string;
  labels: string[];
  series: Series[];
  kind?: 'bar' | 'stacked' | 'doughnut';
}

/** A chart with a heading; `series` share `labels`. */
export function ChartBox({ title, labels, series, kind = 'bar' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || labels.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: kind === 'doughnut' ? 'doughnut' : 'bar',
      data: {
        labels: labels.map((l, i) =>
          series.some((s) => s.values[i] === null) ? `${l} (${ct('chart.hiddenSome')})` : l,
        ),
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values, // null: hidden, no bar
          backgroundColor: kind === 'doughnut' ? COLOURS : COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales:
          kind === 'doughnut'
            ? {}
            : { x: { stacked: kind === 'stacked' }, y: { stacked: kind === 'stacked', beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify({ labels, series, kind })]);
  const alt = series
    .map((s) => `${s.label}: ${labels.map((l, i) => `${l} ${count(s.values[i])}`).join(', ')}`)
    .join('; ');
  return (
    <figure class="chart-figure">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {labels.length === 0 ? (
        <p>{ct('chart.empty')}</p>
      ) : (
        <div class="chart">
          <canvas ref={canvas} role="img" aria-label={`${title}. ${alt}`} />
        </div>
      )}
    </figure>
  );
}
