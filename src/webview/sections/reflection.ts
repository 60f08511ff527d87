/** The end-of-day reflection: one-tap ratings and a few open answers for a chosen day. */
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, type RatingKey } from '../../core/reflection/model';
import type { ReflectionPayload } from '../../protocol';
import { dayPicker, element } from '../dom';
import { t } from '../format';
import { post } from '../host';
import { received, saveView, view } from '../state';
import { sections } from './frame';
import { currentDraft, draftChanged, openDraft, type Draft } from './reflectionDraft';

let focusPending = false;

export function renderReflection({ date, today, entry, dates }: Pick<ReflectionPayload, 'date' | 'today' | 'entry' | 'dates'>): void {
  const draft = openDraft({ date, ratings: { ...entry?.ratings }, answers: { ...entry?.answers } });
  const heading = element('h2', t('reflection'));
  const intro = element('p', `${t('reflectionIntro')} ${t('scale')}`, 'muted');
  const picker = dayPicker('reflection-day', date, [today, ...dates], (chosen) => {
    view.reflectionDay = chosen === today ? undefined : chosen;
    saveView();
    post({ type: 'getReflection', date: chosen });
  });
  const form = element('form', undefined, 'reflection-form');
  form.id = 'reflection-form';
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(...RATING_KEYS.map((key) => ratingRow(key, draft)), ...ANSWER_KEYS.map((key) => answerField(key, draft)));
  const status = element('p', '', 'muted');
  status.id = 'reflection-status';
  status.setAttribute('role', 'status');
  sections.reflection.replaceChildren(heading, intro, picker, form, status);
  sections.reflection.dataset.date = date;
  if (focusPending && date === today) {
    focusReflection();
  }
}

function ratingRow(key: RatingKey, draft: Draft): HTMLElement {
  const fieldset = element('fieldset', undefined, 'rating');
  fieldset.dataset.rating = key;
  fieldset.append(element('legend', t(`rating.${key}`)));
  const buttons: HTMLButtonElement[] = [];
  for (let value = 1; value <= 5; value++) {
    const button = element('button', String(value), 'toggle');
    button.type = 'button';
    button.dataset.value = String(value);
    button.setAttribute('aria-pressed', String(draft.ratings[key] === value));
    button.addEventListener('click', () => {
      const ratings = currentDraft()?.ratings;
      if (!ratings) {
        return;
      }
      // A second tap on the chosen value clears it.
      ratings[key] = ratings[key] === value ? undefined : value;
      buttons.forEach((other) => other.setAttribute('aria-pressed', String(ratings[key] === Number(other.dataset.value))));
      draftChanged();
    });
    buttons.push(button);
  }
  const row = element('div', undefined, 'rating-buttons');
  row.append(...buttons);
  fieldset.append(row);
  return fieldset;
}

function answerField(key: (typeof ANSWER_KEYS)[number], draft: Draft): HTMLElement {
  const label = element('label', undefined, 'answer');
  label.append(element('span', t(`answer.${key}`)));
  const area = element('textarea');
  area.id = `answer-${key}`;
  area.rows = 2;
  area.maxLength = MAX_ANSWER_LENGTH;
  area.value = draft.answers[key] ?? '';
  area.addEventListener('input', () => {
    const answers = currentDraft()?.answers;
    if (answers) {
      answers[key] = area.value;
      draftChanged();
    }
  });
  label.append(area);
  return label;
}

/** Opens today's reflection (command "Reflect on Today"): once its form is there, scroll to it and focus it. */
export function focusReflection(): void {
  if (!received.reflectionEnabled) {
    return;
  }
  const today = received.today;
  if (!today || sections.reflection.dataset.date !== today) {
    focusPending = true;
    view.reflectionDay = undefined;
    saveView();
    if (today) {
      post({ type: 'getReflection', date: today });
    }
    return;
  }
  focusPending = false;
  sections.reflection.scrollIntoView({ block: 'start' });
  sections.reflection.querySelector<HTMLButtonElement>('fieldset button')?.focus();
}
