/**
 * The page's two places: the dashboard (at a glance, then the charts and your patterns) and the
 * reflection, a calm page of its own. Each section's module fills its own element.
 */
import { element } from '../dom';
import { t } from '../format';
import { app } from '../host';
import { received, saveView, view } from '../state';

function section(id: string): HTMLElement {
  const node = element('section');
  node.id = id;
  return node;
}

export const sections = {
  projects: section('projects'),
  glance: section('today'),
  history: section('history'),
  languages: section('languages'),
  fate: section('fate'),
  sessions: section('sessions'),
  insights: section('insights'),
  reflection: section('reflection'),
};

/** Listeners told when the place changes (the reflection asks for its day when opened). */
const placeListeners: Array<(place: 'dashboard' | 'reflection') => void> = [];

export function onPlaceShown(listener: (place: 'dashboard' | 'reflection') => void): void {
  placeListeners.push(listener);
}

export function renderFrame(): void {
  const place = received.reflectionEnabled ? view.place : 'dashboard';
  const header = element('header', undefined, 'page-header');
  header.append(element('h1', place === 'reflection' ? t('reflection') : t('title')));
  if (received.reflectionEnabled) {
    const toReflection = place === 'dashboard';
    const button = element('button', toReflection ? t('reflectOpen') : t('reflectBack'), toReflection ? undefined : 'secondary');
    button.type = 'button';
    button.id = toReflection ? 'reflect-open' : 'reflect-back';
    button.addEventListener('click', () => showPlace(toReflection ? 'reflection' : 'dashboard'));
    header.append(button);
  }
  const parts: HTMLElement[] = place === 'reflection'
    ? [header, sections.reflection]
    : [header, sections.projects, sections.glance, sections.history, ...thisProjectOnly()];
  app.replaceChildren(...parts);
  app.dataset.place = place;
  app.dataset.scope = allProjects() ? 'all' : 'this';
}

/** All projects chosen, and offered (no folder open: the extension sends no projects, and the page shows this one). */
function allProjects(): boolean {
  return view.scope === 'all' && received.projects !== undefined;
}

/** The sections a project's copy does not keep (languages, fate, sessions, patterns): for all projects, a note instead. */
function thisProjectOnly(): HTMLElement[] {
  if (allProjects()) {
    const note = element('p', t('allOnly'), 'muted');
    note.id = 'all-projects-note';
    return [note];
  }
  return [sections.languages, sections.fate, sections.sessions, ...(received.reflectionEnabled ? [sections.insights] : [])];
}

export function showPlace(place: 'dashboard' | 'reflection'): void {
  view.place = place;
  saveView();
  renderFrame();
  window.scrollTo(0, 0);
  placeListeners.forEach((listener) => listener(place));
}
