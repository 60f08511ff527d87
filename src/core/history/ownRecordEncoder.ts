import type { DayKey } from '../sessions/localDay';
import { encodeDay, encodeHistory, encodeSession, type EncodeLimits, type EncodedHistory } from './codec';
import { SpanAgg, type HistoryData } from './model';

/**
 * Encodes this window's record: the stored base (encoded once and cached until it changes) with
 * the live days and sessions of this run on top. Writing every few seconds then costs a pass over
 * the live days only, not the whole history.
 */
export class OwnRecordEncoder {
  private cached: EncodedHistory | undefined;
  private cachedFor: DayKey | undefined;

  /** The base changed (load, fold, restore, compaction, options): encode it again next time. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** `languagesFrom`: days before it are stored without per-language detail (undefined keeps all). */
  encode(base: HistoryData, live: HistoryData, limits: EncodeLimits, languagesFrom: DayKey | undefined): EncodedHistory {
    if (this.cachedFor !== languagesFrom) {
      this.cached = undefined;
      this.cachedFor = languagesFrom;
    }
    const enc = this.cached ??= encodeHistory(base, limits, languagesFrom);
    const d = { ...enc.d };
    const s = { ...enc.s };
    for (const [day, span] of live.days) {
      const sum = new SpanAgg();
      const stored = base.days.get(day);
      if (stored !== undefined) {
        sum.addSpan(stored);
      }
      sum.addSpan(span);
      d[day] = encodeDay(sum, languagesFrom === undefined || day >= languagesFrom ? limits.languagesPerDay : 0);
    }
    for (const [day, list] of live.sessions) {
      if (list.length > 0) {
        const encoded = list.map((x) => encodeSession(x, limits.languagesPerSession));
        s[day] = [...(enc.s[day] ?? []), ...encoded].sort((a, b) => a.b - b.b);
      }
    }
    return { d, s };
  }
}
