/**
 * The dashboard's main bundle. Every module it imports has run (its state exists) before this
 * body does, so the messages the boot script kept while this bundle loaded are handed over only
 * at the very end, when everything they may touch is there.
 */
import { loadCharts } from './chartHost';
import { app, boot } from './host';
import { onMessage, redrawCharts } from './messages';
import { flushDraft } from './sections/reflectionDraft';

/** How long the charts wait for the first history at most. */
const CHARTS_AT_THE_LATEST_MS = 500;

let cspViolations = 0;
document.addEventListener('securitypolicyviolation', () => {
  app.dataset.cspViolations = String(++cspViolations);
});

// The theme changed (VS Code swaps the body class and the CSS variables): redraw with its colours.
new MutationObserver(() => redrawCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    flushDraft();
  }
});
window.addEventListener('pagehide', () => flushDraft());

window.addEventListener('message', (event: MessageEvent<unknown>) => onMessage(event.data));
app.dataset.scriptAt = String(Date.now());
// Synchronous with the listener above: no message can slip between the two.
for (const data of boot.takeOver()) {
  onMessage(data);
}
// The charts run once the first history is painted; should it be slow to come, they run anyway.
setTimeout(loadCharts, CHARTS_AT_THE_LATEST_MS);
