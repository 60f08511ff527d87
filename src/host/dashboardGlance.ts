/**
 * The dashboard's header: today, the last 7 and the last 30 days, each with the share of the
 * period before, so a trend reads at a glance. Pure (no `vscode`), unit-tested under Node.
 */
import type { PasteCountsAs } from '../core/categories';
import { ownAndAi, ownShare } from '../core/ratio';
import { addDays, type DayKey } from '../core/sessions/localDay';
import type { Totals } from '../core/tally';
import { addAiChatBy, aiChatNotSplit, emptyAiChatBy, type AiChatBy } from '../core/terminal/aiChatBy';
import type { Glance, GlancePeriod } from '../protocol';
import type { HistoryReader } from './dashboardData';

/** The periods of the header, in days (today is one). */
const PERIODS: ReadonlyArray<readonly [GlancePeriod['period'], number]> = [['today', 1], ['7', 7], ['30', 30]];

/** The split as the page shows it: each source, and what was counted before the split existed. */
function aiChatBySplit(aiChat: number, by: Readonly<AiChatBy>): GlancePeriod['aiChatBy'] {
  return { ...by, notSplit: aiChatNotSplit(aiChat, by) };
}

export function buildGlance(history: HistoryReader, today: Totals & { readonly date: DayKey }, pasteCountsAs: PasteCountsAs): Glance {
  const longest = Math.max(...PERIODS.map(([, days]) => days));
  const byDate = new Map(history.days(addDays(today.date, -(2 * longest - 1)), today.date).map((day) => [day.date, day]));
  const sum = (from: number, days: number) => {
    let own = 0;
    let ai = 0;
    let aiChat = 0;
    const by = emptyAiChatBy();
    for (let back = from; back < from + days; back++) {
      const day = byDate.get(addDays(today.date, -back));
      if (day) {
        const split = ownAndAi(day.chars, pasteCountsAs);
        own += split.own;
        ai += split.ai;
        aiChat += day.chars.aiChat;
        addAiChatBy(by, day.aiChatBy);
      }
    }
    return { own, ai, aiChatBy: aiChatBySplit(aiChat, by) };
  };
  const periods = PERIODS.map(([period, days]): GlancePeriod => {
    // Today from the live totals (this very moment), earlier days from the history.
    const current = period === 'today' ? { ...ownAndAi(today.chars, pasteCountsAs), aiChatBy: aiChatBySplit(today.chars.aiChat, today.aiChatBy) } : sum(0, days);
    const before = sum(days, days);
    return { period, own: current.own, ai: current.ai, share: ownShare(current.own, current.ai), previous: ownShare(before.own, before.ai), aiChatBy: current.aiChatBy };
  });
  return { date: today.date, chars: { ...today.chars }, estimatedAiChars: today.estimatedAiChars, periods };
}
