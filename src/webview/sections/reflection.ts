/**
 * The end-of-day reflection, a calm page of its own: one line per question with the scale's ends
 * named on the line, radio buttons (Tab moves between questions, the arrow keys choose), a few
 * optional open answers. Saved as you go.
 */
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, RATING_MAX, RATING_MIN, type AnswerKey, type RatingKey } from '../../core/reflection/model';
import type { ReflectionPayload } from '../../protocol';
import { dayPicker, element } from '../dom';
import { t } from '../format';
import { post } from '../host';
import { received, saveView, view } from '../state';
import { sections, showPlace } from './frame';
import { currentDraft, draftChanged, openDraft, type Draft } from './reflectionDraft';

let focusPending = false;

export function renderReflection({ date, today, entry, dates }: Pick<ReflectionPayload, 'date' | 'today' | 'entry' | 'dates'>): void {
  const draft = openDraft({ date, ratings: { ...entry?.ratings }, answers: { ...entry?.answers } });
  const intro = element('p', t('reflectionIntro'), 'muted');
  const picker = dayPicker('reflection-day', date, [today, ...dates], (chosen) => {
    view.reflectionDay = chosen === today ? undefined : chosen;
    saveView();
    post({ type: 'getReflection', date: chosen });
  });
  const form = element('form', undefined, 'reflection-form');
  form.id = 'reflection-form';
  form.addEventListener('submit', (event) => event.preventDefault());
  const scales = element('div', undefined, 'scales');
  scales.append(...RATING_KEYS.map((key) => ratingLine(key, draft)));
  const answers = element('div', undefined, 'answers');
  answers.append(...ANSWER_KEYS.map((key) => answerField(key, draft)));
  form.append(scales, answers);
  const status = element('p', '', 'muted');
  status.id = 'reflection-status';
  status.setAttribute('role', 'status');
  sections.reflection.replaceChildren(intro, picker, form, status);
  sections.reflection.dataset.date = date;
  if (focusPending && date === today) {
    focusReflection();
  }
}

function ratingLine(key: RatingKey, draft: Draft): HTMLElement {
  const fieldset = element('fieldset', undefined, 'scale');
  fieldset.dataset.rating = key;
  fieldset.append(element('legend', t(`rating.${key}`)));
  const choices = element('div', undefined, 'choices');
  choices.append(element('span', t('scaleLow'), 'end low'));
  for (let value = RATING_MIN; value <= RATING_MAX; value++) {
    const label = element('label', undefined, 'choice');
    const input = element('input');
    input.type = 'radio';
    input.name = `rating-${key}`;
    input.value = String(value);
    input.checked = draft.ratings[key] === value;
    input.setAttribute('aria-label', t('ratingChoice', value, t('scaleLow'), t('scaleHigh')));
    input.addEventListener('change', () => {
      const ratings = currentDraft()?.ratings;
      if (ratings && input.checked) {
        ratings[key] = value;
        clear.hidden = false;
        draftChanged();
      }
    });
    label.append(input, element('span', String(value)));
    choices.append(label);
  }
  choices.append(element('span', t('scaleHigh'), 'end high'));
  const clear = element('button', t('clear'), 'link');
  clear.type = 'button';
  clear.hidden = draft.ratings[key] === undefined;
  clear.setAttribute('aria-label', t('clearRating', t(`rating.${key}`)));
  clear.addEventListener('click', () => {
    const ratings = currentDraft()?.ratings;
    if (ratings) {
      ratings[key] = undefined;
      fieldset.querySelectorAll('input').forEach((input) => (input.checked = false));
      clear.hidden = true;
      draftChanged();
    }
  });
  choices.append(clear);
  fieldset.append(choices);
  return fieldset;
}

function answerField(key: AnswerKey, draft: Draft): HTMLElement {
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

/** Opens today's reflection (command "Reflect on Today", the reminder, the dashboard's button) and focuses its first question. */
export function focusReflection(): void {
  if (!received.reflectionEnabled) {
    return;
  }
  if (view.place !== 'reflection') {
    showPlace('reflection');
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
  const first = sections.reflection.querySelector<HTMLInputElement>('fieldset input:checked') ?? sections.reflection.querySelector<HTMLInputElement>('fieldset input');
  first?.focus();
}
