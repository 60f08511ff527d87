/** What the page does with each message from the extension (validated on arrival). */
import { parseToWebview } from '../protocol';
import { setLanguage, t } from './format';
import { app, post } from './host';
import { received, view } from './state';
import { renderFrame } from './sections/frame';
import { renderHistory } from './sections/history';
import { renderInsights } from './sections/insights';
import { focusReflection, renderReflection } from './sections/reflection';
import { onSaved } from './sections/reflectionDraft';
import { renderSessions } from './sections/sessions';
import { renderToday } from './sections/today';

export function onMessage(data: unknown): void {
  const message = parseToWebview(data);
  if (!message) {
    return;
  }
  switch (message.type) {
    case 'init':
      received.initialised = true;
      received.reflectionEnabled = message.reflection;
      setLanguage(message.strings, message.locale);
      document.title = t('title');
      renderFrame();
      return;
    case 'today': {
      if (!received.initialised) {
        // Before "init" nothing can be shown (no strings, no settings); the answer to "ready" follows.
        return;
      }
      const first = received.today === undefined;
      received.today = message.today.date;
      renderToday(message.today);
      if (first) {
        post({ type: 'getSessions', date: view.day ?? received.today });
        if (received.reflectionEnabled) {
          post({ type: 'getReflection', date: view.reflectionDay ?? received.today });
        }
      }
      return;
    }
    case 'history':
      app.dataset.historyAt ??= String(Date.now());
      received.history = message.history;
      renderHistory(message.history);
      return;
    case 'sessions':
      received.sessions = { date: message.date, sessions: message.sessions };
      renderSessions(message.date, message.sessions);
      return;
    case 'reflection':
      renderReflection(message);
      return;
    case 'saved':
      onSaved(message.ok);
      return;
    case 'insights':
      renderInsights(message.insights);
      return;
    case 'focus':
      focusReflection();
      return;
  }
}

/** Draws the charts again with the theme's colours (VS Code swapped the body class and CSS variables). */
export function redrawCharts(): void {
  if (received.history) {
    renderHistory(received.history);
  }
  if (received.sessions) {
    renderSessions(received.sessions.date, received.sessions.sessions);
  }
}
