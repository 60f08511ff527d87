import { format, parseISO } from 'date-fns';
import { enUS, nl } from 'date-fns/locale';
import { CATEGORIES } from '../core/categories';
import type { Snapshot } from '../core/history/snapshot';
import { parseToWebview, type FromWebviewMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let strings: Readonly<Record<string, string>> = {};
let locale = 'en';
/** Snapshots rendered so far: lets a test see a refresh round-trip complete. */
let renderCount = 0;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (!message) {
    return;
  }
  switch (message.type) {
    case 'init':
      strings = message.strings;
      locale = message.locale;
      return;
    case 'snapshot':
      render(message.snapshot);
      return;
  }
});

vscode.postMessage({ type: 'ready' });

function t(key: string, ...args: Array<string | number>): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

/** Builds an element with text content only: what we show is never parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function render(snapshot: Snapshot): void {
  const { today } = snapshot;
  const dateLocale = locale.startsWith('nl') ? nl : enUS;
  const header = element('header');
  header.append(element('h1', t('title')), element('p', `${t('today')} · ${format(parseISO(today.date), 'PPPP', { locale: dateLocale })}`, 'muted'));

  const glance = element('section', undefined, 'glance');
  glance.setAttribute('aria-label', t('today'));
  if (today.ownershipRatio === null) {
    glance.append(element('p', t('noEditsYet'), 'empty'));
  } else {
    const ratio = element('p', undefined, 'ratio');
    ratio.id = 'today-ratio';
    ratio.append(element('span', `${Math.round(today.ownershipRatio * 100)}%`, 'ratio-value'), element('span', ` ${t('yours')}`));
    glance.append(ratio);
  }

  const table = element('table', undefined, 'breakdown');
  table.id = 'today-breakdown';
  const head = table.createTHead().insertRow();
  head.append(element('th', t('category')), element('th', t('characters')));
  const body = table.createTBody();
  for (const category of CATEGORIES) {
    const row = body.insertRow();
    row.dataset.category = category;
    row.append(element('td', t(`category.${category}`)), element('td', today.chars[category].toLocaleString(locale), 'number'));
  }
  const ai = today.chars.aiInline + today.chars.aiChat;
  const notes = element('p', ai > 0 ? `${t('estimatedShare', today.estimatedAiChars.toLocaleString(locale), ai.toLocaleString(locale))} ${t('unitNote')}` : t('unitNote'), 'muted');

  const refresh = element('button', t('refresh'));
  refresh.id = 'refresh';
  refresh.type = 'button';
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));

  app.replaceChildren(header, glance, table, notes, refresh);
  app.dataset.renders = String(++renderCount);
}
