/** The page's texts (localised by the extension) and how it writes numbers, shares and dates (with `Intl`). */
let strings: Readonly<Record<string, string>> = {};
let locale = 'en';
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function setLanguage(next: Readonly<Record<string, string>>, nextLocale: string): void {
  strings = next;
  locale = Intl.DateTimeFormat.supportedLocalesOf([nextLocale]).length > 0 ? nextLocale : 'en';
  dateFormats.clear();
}

/** The text under `key`, with `{0}`, `{1}` … filled in. */
export function t(key: string, ...args: Array<string | number>): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

const STYLES = {
  /** Tuesday 10 March 2026 */
  full: { dateStyle: 'full' },
  /** 10 Mar 2026 */
  medium: { dateStyle: 'medium' },
  /** Tue 10 Mar */
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  /** 10 Mar 26 */
  shortYear: { day: 'numeric', month: 'short', year: '2-digit' },
  /** Mar 2026 */
  month: { month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayStyle = keyof typeof STYLES;

/** A local calendar day (`YYYY-MM-DD`) in the user's language; the key itself if it is not one. */
export function formatDay(date: string, style: DayStyle): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return date;
  }
  let formatter = dateFormats.get(style);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, STYLES[style]);
    dateFormats.set(style, formatter);
  }
  return formatter.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function formatTime(iso: string): string {
  // The host sends local ISO times (`…T09:15:00.000+01:00`): show the local clock time as written.
  const match = /T(\d{2}:\d{2})/.exec(iso);
  return match ? match[1] : iso;
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString(locale) : '0';
}

/** A share 0–1 as a whole percentage, or the "no ratio" text: never `NaN%`. */
export function percent(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value * 100)}%` : t('noValue');
}

/** A share 0–1 as a percentage with one decimal for a chart, or null (a gap). */
export function percentOrNull(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) / 10 : null;
}

/** Minutes as "2 h 10 min" or "50 min". */
export function duration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return whole >= 60 ? t('hoursMinutes', Math.floor(whole / 60), whole % 60) : t('minutesOnly', whole);
}
