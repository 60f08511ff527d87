/** What the page does with each message from the extension (validated on arrival). */
import { parseToWebview, type ToWebviewMessage } from '../protocol';
import { loadChartsAfterPaint } from './chartHost';
import { setLanguage, t } from './format';
import { app, post } from './host';
import { received, view } from './state';
import { onPlaceShown, renderFrame, showPlace } from './sections/frame';
import { renderGlance } from './sections/glance';
import { renderHistory } from './sections/history';
import { renderInsights } from './sections/insights';
import { renderProjects } from './sections/projects';
import { focusReflection, renderReflection } from './sections/reflection';
import { onSaved } from './sections/reflectionDraft';
import { renderSessions } from './sections/sessions';

onPlaceShown((place) => {
  if (place === 'reflection') {
    focusReflection();
  } else {
    // Charts drawn while their place was hidden had no size: draw them again in view.
    redrawCharts();
  }
});

export function onMessage(data: unknown): void {
  const message = parseToWebview(data);
  if (!message) {
    return;
  }
  if (message.type !== 'init' && !received.initialised) {
    // Before "init" nothing can be shown (no strings, no settings); the answer to "ready" follows.
    return;
  }
  handle(message);
}

function handle(message: ToWebviewMessage): void {
  switch (message.type) {
    case 'init':
      received.initialised = true;
      received.reflectionEnabled = message.reflection;
      setLanguage(message.strings, message.locale);
      document.title = t('title');
      renderFrame();
      return;
    case 'glance':
      onGlance(message.glance);
      return;
    case 'history':
      app.dataset.historyAt = String(Date.now());
      received.history = message.history;
      renderHistory(message.history);
      loadChartsAfterPaint();
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
      received.insights = message.insights;
      renderInsights(message.insights);
      return;
    case 'projects': {
      const first = received.projects === undefined;
      received.projects = message.projects;
      if (first && view.scope === 'all') {
        renderFrame(); // all projects are offered: their layout (the note in place of this project's sections)
      }
      renderProjects(message.projects);
      return;
    }
    case 'focus':
      if (message.section === 'reflection') {
        focusReflection();
      } else if (view.place !== 'dashboard') {
        showPlace('dashboard');
      }
      return;
  }
}

function onGlance(glance: Extract<ToWebviewMessage, { type: 'glance' }>['glance']): void {
  const first = received.today === undefined;
  received.today = glance.date;
  received.glance = glance;
  renderGlance(glance);
  if (first) {
    post({ type: 'getSessions', date: view.day ?? glance.date });
    if (received.reflectionEnabled) {
      post({ type: 'getReflection', date: view.reflectionDay ?? glance.date });
    }
  }
}

/** Draws the charts again with the theme's colours (VS Code swapped the body class and CSS variables). */
export function redrawCharts(): void {
  if (received.glance) {
    renderGlance(received.glance);
  }
  if (received.history) {
    renderHistory(received.history);
  }
  if (received.sessions) {
    renderSessions(received.sessions.date, received.sessions.sessions);
  }
}
