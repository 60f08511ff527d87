/** The sessions of a day: own and AI-assisted characters per session. */
import type { SessionPoint } from '../../protocol';
import type { ChartTexts } from '../chartsApi';
import { draw, fill } from './registry';

export function drawSessions(canvas: HTMLCanvasElement, sessions: readonly SessionPoint[], texts: ChartTexts): void {
  const { t, formatTime } = texts;
  draw('sessions', canvas, (colors) => ({
    type: 'bar',
    data: {
      labels: sessions.map((s) => `${formatTime(s.start)}–${formatTime(s.end)}`),
      datasets: [
        { label: t('own'), data: sessions.map((s) => s.own), ...fill(colors.typed, colors), stack: 'chars' },
        { label: t('ai'), data: sessions.map((s) => s.ai), ...fill(colors.aiInline, colors), stack: 'chars' },
      ],
    },
    options: {
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${t('charactersCount', Number(item.raw).toLocaleString())}` } } },
      scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: t('characters') }, ticks: { precision: 0 } } },
    },
  }));
}
