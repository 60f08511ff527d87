/**
 * The reflection being filled in, and its saves. Edits go to the extension as they are made (at
 * most every 250 ms while typing), not when the panel closes: without retained context a hidden or
 * closed page is torn down, and a message sent then can be lost.
 */
import { RateControl } from '../../core/rateControl';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, type AnswerKey, type RatingKey } from '../../core/reflection/model';
import { t } from '../format';
import { post } from '../host';

const SAVE_INTERVAL_MS = 250;

export interface Draft {
  readonly date: string;
  readonly ratings: Partial<Record<RatingKey, number>>;
  readonly answers: Partial<Record<AnswerKey, string>>;
}

let draft: Draft | undefined;
const saves = new RateControl(sendDraft, { intervalMs: SAVE_INTERVAL_MS, trailing: true }, () => Date.now());

/** Starts editing the reflection of `date` (what was saved of it, or nothing); a pending edit of the previous one is sent first. */
export function openDraft(next: Draft): Draft {
  saves.flush();
  draft = next;
  return next;
}

export function currentDraft(): Draft | undefined {
  return draft;
}

/** The draft changed: save it soon. */
export function draftChanged(): void {
  setSaveStatus(t('saving'), 'saving');
  saves.request();
}

/** Sends a waiting edit now (the page is being hidden or closed). */
export function flushDraft(): void {
  saves.flush();
}

/** The extension's answer to a save. A later edit still on its way keeps the status at "saving". */
export function onSaved(ok: boolean): void {
  if (!ok || !saves.pending) {
    setSaveStatus(ok ? t('saved') : t('saveFailed'), ok ? 'saved' : 'failed');
  }
}

function sendDraft(): void {
  if (!draft) {
    return;
  }
  const ratings: Partial<Record<RatingKey, number | null>> = {};
  for (const key of RATING_KEYS) {
    ratings[key] = draft.ratings[key] ?? null;
  }
  const answers: Partial<Record<AnswerKey, string>> = {};
  for (const key of ANSWER_KEYS) {
    answers[key] = (draft.answers[key] ?? '').slice(0, MAX_ANSWER_LENGTH);
  }
  post({ type: 'saveReflection', date: draft.date, ratings, answers });
}

function setSaveStatus(text: string, kind: string): void {
  const status = document.getElementById('reflection-status');
  if (status) {
    status.textContent = text;
    status.dataset.state = kind;
  }
}
