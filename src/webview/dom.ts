/** Small DOM builders. Text goes in as text content only: what the page shows is never parsed as HTML. */
import { formatDay, t } from './format';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/**
 * A labelled group of toggle buttons (`id-<value>`), the chosen one pressed (`aria-pressed`):
 * reached with Tab, pressed with Enter or Space. A click presses its button and calls `onChoose`.
 */
export function toggleGroup<T extends string>(
  id: string, label: string, className: string, choices: ReadonlyArray<{ readonly value: T; readonly text: string }>, chosen: T, onChoose: (value: T) => void,
): HTMLElement {
  const group = element('div', undefined, className);
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  for (const { value, text } of choices) {
    const button = element('button', text, 'toggle');
    button.type = 'button';
    button.id = `${id}-${value}`;
    button.setAttribute('aria-pressed', String(value === chosen));
    button.addEventListener('click', () => {
      group.querySelectorAll('button').forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
      onChoose(value);
    });
    group.append(button);
  }
  return group;
}

/** A data table: a header row, then rows whose first cell heads the row; cells from `numericFrom` on align as numbers. */
export function table(id: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, numericFrom = 1): HTMLTableElement {
  const node = element('table', undefined, 'data');
  node.id = id;
  const head = node.createTHead().insertRow();
  for (const header of headers) {
    const cell = element('th', header);
    cell.scope = 'col';
    head.append(cell);
  }
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, column) => {
      if (column === 0) {
        const cell = element('th', value);
        cell.scope = 'row';
        tr.append(cell);
      } else {
        tr.append(element('td', value, column >= numericFrom ? 'number' : undefined));
      }
    });
  }
  return node;
}

/** A labelled select of days, newest first. */
export function dayPicker(id: string, selected: string, days: readonly string[], onChange: (date: string) => void): HTMLElement {
  const label = element('label', `${t('chooseDay')} `, 'picker');
  const select = element('select');
  select.id = id;
  for (const date of [...new Set([selected, ...days])].sort().reverse()) {
    const option = element('option', formatDay(date, 'full'));
    option.value = date;
    option.selected = date === selected;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  label.append(select);
  return label;
}
