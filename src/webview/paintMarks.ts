/**
 * When the first chart, and the latest one showing new data, was painted: the dashboard benchmark
 * and the page tests read them from `#app`. Shared by the page's own first drawing and chart.js's.
 */

/** Marks the frame in which a chart is painted; `newData` false for chart.js taking over a chart already shown. */
export function markChartPainted(newData = true): void {
  const app = document.getElementById('app');
  requestAnimationFrame(() => {
    if (app) {
      const now = String(Date.now());
      app.dataset.chartPaintedAt ??= now;
      if (newData) {
        app.dataset.chartUpdatedAt = now;
      }
    }
  });
}
