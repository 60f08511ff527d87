/**
 * Your patterns, in plain sentences, each with what it does and does not say: how your days felt
 * with more and with less of your own work, and your solo blocks.
 */
import type { RatingKey } from '../../core/reflection/model';
import type { InsightsPayload } from '../../protocol';
import { tableBehind } from '../chartHost';
import { element, table } from '../dom';
import { duration, t } from '../format';
import { sections } from './frame';

const INSIGHT_KEYS: readonly RatingKey[] = ['enjoyment', 'boredom', 'energy', 'autonomy'];

export function renderInsights(insights: InsightsPayload): void {
  const parts: HTMLElement[] = [element('h2', t('insights'))];
  const { comparison, solo } = insights;
  if (comparison.status === 'ready') {
    const { higher, lower } = comparison;
    const range = (group: typeof higher) => t('groupRange', group.days, Math.round(group.minRatio * 100), Math.round(group.maxRatio * 100));
    parts.push(element('p', t('comparisonLead', comparison.reflectedDays, range(higher), range(lower))));
    const list = ratingSentences('insights-sentences', higher.means, lower.means, (key, more, less) => t(`insight.${key}`, more, less));
    parts.push(list, element('p', t('caveat'), 'muted caveat'));
    const mean = (value: number | null) => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(1));
    parts.push(tableBehind('insights', () => table('insights-table', [t('rating'), t('higher'), t('lower')],
      INSIGHT_KEYS.map((key) => [t(`rating.${key}`), mean(higher.means[key]), mean(lower.means[key])]))));
  } else {
    const note = element('p', t('notEnough', comparison.needed, comparison.reflectedDays), 'empty');
    note.id = 'insights-not-enough';
    parts.push(note);
  }
  parts.push(...byLead(insights.byLead));
  parts.push(element('h3', t('solo')));
  const soloText = solo.sessions === 0
    ? t('noSolo')
    : solo.blocks === 0
      ? t('soloNone', solo.sessions)
      : t('soloText', solo.blocks, solo.sessions, duration(solo.minutes), duration(solo.longestMinutes), solo.longestDayStreak);
  const soloParagraph = element('p', soloText);
  soloParagraph.id = 'insights-solo';
  parts.push(soloParagraph, element('p', t('soloCaveat'), 'muted caveat'));
  sections.insights.replaceChildren(...parts);
}

/** Days you led the work against days AI led it: each rating both ways, or how many days are still needed. */
function byLead(comparison: InsightsPayload['byLead']): HTMLElement[] {
  const parts: HTMLElement[] = [element('h3', t('leadHeading'))];
  if (comparison.status !== 'ready') {
    const note = element('p', t('leadNotEnough', comparison.needed, comparison.youLedDays, comparison.aiLedDays), 'empty');
    note.id = 'insights-lead-not-enough';
    return [...parts, note];
  }
  const { you, ai } = comparison;
  parts.push(element('p', t('leadIntro', you.days, ai.days)));
  const list = ratingSentences('insights-lead', you.means, ai.means, (key, led, aiLed) => t('leadRating', t(`rating.${key}`), led, aiLed));
  return [...parts, list, element('p', t('leadCaveat'), 'muted caveat')];
}

type Means = Readonly<Record<RatingKey, number | null>>;

/** A sentence per rating both groups have a mean for, the means with one decimal. */
function ratingSentences(id: string, first: Means, second: Means, sentence: (key: RatingKey, first: string, second: string) => string): HTMLElement {
  const list = element('ul', undefined, 'sentences');
  list.id = id;
  for (const key of INSIGHT_KEYS) {
    const a = first[key];
    const b = second[key];
    if (a !== null && b !== null) {
      list.append(element('li', sentence(key, a.toFixed(1), b.toFixed(1))));
    }
  }
  return list;
}
