/** The page's sections, in order; each section's module fills its own. */
import { element } from '../dom';
import { t } from '../format';
import { app } from '../host';
import { received } from '../state';

function section(id: string): HTMLElement {
  const node = element('section');
  node.id = id;
  return node;
}

export const sections = {
  today: section('today'),
  history: section('history'),
  languages: section('languages'),
  sessions: section('sessions'),
  reflection: section('reflection'),
  insights: section('insights'),
};

export function renderFrame(): void {
  const header = element('header');
  header.append(element('h1', t('title')));
  const parts: HTMLElement[] = [header, sections.today, sections.history, sections.languages, sections.sessions];
  if (received.reflectionEnabled) {
    parts.push(sections.reflection, sections.insights);
  }
  app.replaceChildren(...parts);
}
