/** Your patterns: ratings on days with more and less of your own work, and solo blocks. */
import type { RatingKey } from '../../core/reflection/model';
import type { InsightsPayload } from '../../protocol';
import { element, table } from '../dom';
import { count, t } from '../format';
import { sections } from './frame';

const INSIGHT_KEYS: readonly RatingKey[] = ['enjoyment', 'boredom', 'energy', 'autonomy'];

export function renderInsights(insights: InsightsPayload): void {
  const heading = element('h2', t('insights'));
  const parts: HTMLElement[] = [heading];
  const { comparison, solo } = insights;
  if (comparison.status === 'ready') {
    const mean = (value: number | null) => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(1));
    const group = (g: typeof comparison.higher) => t('groupRange', g.days, Math.round(g.minRatio * 100), Math.round(g.maxRatio * 100));
    const node = table('insights-table', [t('rating'), `${t('higher')} (${group(comparison.higher)})`, `${t('lower')} (${group(comparison.lower)})`],
      INSIGHT_KEYS.map((key) => [t(`rating.${key}`), mean(comparison.higher.means[key]), mean(comparison.lower.means[key])]));
    parts.push(node);
  } else {
    const note = element('p', t('notEnough', comparison.needed, comparison.reflectedDays), 'empty');
    note.id = 'insights-not-enough';
    parts.push(note);
  }
  parts.push(element('h3', t('solo')));
  parts.push(element('p', solo.sessions > 0 ? t('soloText', solo.blocks, solo.sessions, count(solo.minutes), count(solo.longestMinutes), solo.longestDayStreak) : t('noSolo')));
  if (comparison.status === 'ready') {
    parts.push(element('p', t('caveat'), 'muted caveat'));
  }
  sections.insights.replaceChildren(...parts);
}
