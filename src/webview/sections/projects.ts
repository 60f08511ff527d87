/**
 * This project or all projects: the switch (two toggle buttons, Tab and Enter or Space), and for
 * all projects a table of each project over the chosen range with their sum, each other project
 * with a button to remove it (the extension asks first).
 */
import type { ProjectsPayload, Scope } from '../../protocol';
import { element, table, toggleGroup } from '../dom';
import { count, formatDay, percent, t } from '../format';
import { app, post } from '../host';
import { received, saveView, view } from '../state';
import { renderFrame, sections } from './frame';

function scopeSwitcher(): HTMLElement {
  const choices = (['this', 'all'] as const).map((scope) => ({ value: scope, text: t(`scope.${scope}`) }));
  return toggleGroup('scope', t('scope'), 'range-switcher scope-switcher', choices, view.scope, chooseScope);
}

function chooseScope(scope: Scope): void {
  if (scope === view.scope) {
    return;
  }
  view.scope = scope;
  saveView();
  post({ type: 'setScope', scope });
  renderFrame();
  if (received.projects) {
    renderProjects(received.projects);
  }
  document.getElementById(`scope-${scope}`)?.focus();
}

/** The project's name as the table shows it. */
function projectName(row: ProjectsPayload['rows'][number]): string {
  const name = row.name.trim() === '' ? t('unnamedProject') : row.name;
  return row.current ? t('thisProject', name) : name;
}

function projectsTable(projects: ProjectsPayload): HTMLTableElement {
  const node = table('projects-table', [t('project'), t('projectDays'), t('own'), t('ai'), t('share'), t('lastActive'), ''],
    projects.rows.map((row) => [projectName(row), count(row.days), count(row.own), count(row.ai), percent(row.share), row.lastActive === null ? '–' : formatDay(row.lastActive, 'medium'), '']));
  // The last column holds the remove buttons; its header is named for screen readers.
  node.tHead?.rows[0].cells[6].setAttribute('aria-label', t('removeProject'));
  const bodyRows = node.tBodies[0].rows;
  projects.rows.forEach((row, index) => {
    const tr = bodyRows[index];
    tr.dataset.key = row.key;
    const cell = tr.cells[tr.cells.length - 1];
    if (!row.current) {
      const button = element('button', t('removeProject'), 'link remove-project');
      button.type = 'button';
      button.setAttribute('aria-label', t('removeProjectLabel', projectName(row)));
      button.addEventListener('click', () => post({ type: 'removeProject', key: row.key }));
      cell.append(button);
    }
  });
  const foot = node.createTFoot().insertRow();
  const head = element('th', t('projectsTotal'));
  head.scope = 'row';
  foot.append(head, element('td', ''), element('td', count(projects.total.own), 'number'), element('td', count(projects.total.ai), 'number'), element('td', percent(projects.total.share), 'number'), element('td', ''), element('td', ''));
  foot.id = 'projects-total';
  return node;
}

export function renderProjects(projects: ProjectsPayload): void {
  app.dataset.projectsScope = projects.scope;
  app.dataset.projectRows = String(projects.rows.length);
  const parts: HTMLElement[] = [scopeSwitcher()];
  // A table of all projects only once the extension answers for all of them (not this project's rows alone).
  if (view.scope === 'all' && projects.scope === 'all') {
    parts.push(element('h2', t('projects')), element('p', t('projectsNote'), 'muted'), projectsTable(projects));
  }
  sections.projects.replaceChildren(...parts);
}
