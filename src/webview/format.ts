/** The page's texts (localised by the extension) and how it writes numbers, shares and dates. */
import { format, parseISO } from 'date-fns';
import { enUS, nl } from 'date-fns/locale';

let strings: Readonly<Record<string, string>> = {};
let locale = 'en';

export function setLanguage(next: Readonly<Record<string, string>>, nextLocale: string): void {
  strings = next;
  locale = nextLocale;
}

/** The text under `key`, with `{0}`, `{1}` … filled in. */
export function t(key: string, ...args: Array<string | number>): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

function dateLocale() {
  return locale.toLowerCase().startsWith('nl') ? nl : enUS;
}

export function formatDay(date: string, pattern: string): string {
  const parsed = parseISO(date);
  return Number.isNaN(parsed.getTime()) ? date : format(parsed, pattern, { locale: dateLocale() });
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
