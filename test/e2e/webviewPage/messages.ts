/** One valid message of every kind the extension sends to the dashboard, with a few weeks of days. */
import { emptyCounts } from '../../../src/core/categories';
import { addDays } from '../../../src/core/sessions/localDay';
import type { ToWebviewMessage } from '../../../src/protocol';

export const TODAY = '2026-03-10';

export function initMessage(reflection = true): ToWebviewMessage {
  return { type: 'init', locale: 'en', strings: {}, reflection };
}

export function glanceMessage(typed = 300, aiInline = 100): ToWebviewMessage {
  const chars = { ...emptyCounts(), typed, aiInline };
  const share = typed + aiInline > 0 ? typed / (typed + aiInline) : null;
  return {
    type: 'glance',
    glance: {
      date: TODAY, chars, estimatedAiChars: 0,
      periods: [
        { period: 'today', own: typed, ai: aiInline, share, previous: 0.5, aiChatBy: { chat: 0, extension: 0, terminal: 0, notSplit: 0 } },
        { period: '7', own: typed * 5, ai: aiInline * 6, share: 5 / 11, previous: 5 / 11, aiChatBy: { chat: 0, extension: 0, terminal: 0, notSplit: 0 } },
        { period: '30', own: 0, ai: 0, share: null, previous: null, aiChatBy: { chat: 0, extension: 0, terminal: 0, notSplit: 0 } },
      ],
    },
  };
}

export function historyMessage(days = 30): ToWebviewMessage {
  const points = Array.from({ length: days }, (_, index) => {
    const typed = 200 + ((index * 37) % 300);
    const aiInline = (index * 53) % 200;
    return { date: addDays(TODAY, index - days + 1), typed, aiInline, aiChat: 20, paste: 5, ratio: typed / (typed + aiInline + 20), rolling: 0.6, minutes: 40, sessions: 2 };
  });
  return {
    type: 'history',
    history: { range: '30', days: points, unit: 'day', languages: [{ language: 'typescript', name: 'TypeScript', own: 900, ai: 300 }, { language: 'markdown', name: 'Markdown', own: 200, ai: 10 }], ratio: 0.7 },
  };
}

export function sessionsMessage(): ToWebviewMessage {
  return {
    type: 'sessions',
    date: TODAY,
    sessions: [{ id: 's1', start: `${TODAY}T09:00:00.000+01:00`, end: `${TODAY}T10:00:00.000+01:00`, minutes: 55, own: 300, ai: 100, paste: 0, ratio: 0.75 }],
  };
}

export function reflectionMessage(): ToWebviewMessage {
  return { type: 'reflection', date: TODAY, today: TODAY, entry: { date: TODAY, ratings: { energy: 4 }, answers: { proud: 'the parser' }, updated: 1 }, dates: [] };
}

export function insightsMessage(): ToWebviewMessage {
  const means = { energy: 4, meaning: 3, autonomy: 4, challenge: 3, pride: 4, enjoyment: 4, boredom: 2 };
  return {
    type: 'insights',
    insights: {
      comparison: { status: 'ready', reflectedDays: 8, higher: { days: 4, minRatio: 0.7, maxRatio: 0.9, means }, lower: { days: 4, minRatio: 0.2, maxRatio: 0.5, means } },
      byLead: { status: 'ready', you: { days: 4, means }, ai: { days: 3, means: { ...means, energy: null } } },
      solo: { blocks: 3, sessions: 10, minutes: 120, longestMinutes: 60, longestDayStreak: 2 },
    },
  };
}

/** The per-project table (for all projects: this one and another, with their sum; for this project: none, the switch only). */
export function projectsMessage(scope: 'this' | 'all' = 'all'): ToWebviewMessage {
  const rows = [
    { key: 'here', name: 'shop', current: true, days: 12, own: 3_000, ai: 1_000, share: 0.75, lastActive: TODAY },
    { key: 'other-key', name: 'docs <b>site</b>', current: false, days: 3, own: 500, ai: 500, share: 0.5, lastActive: addDays(TODAY, -2) },
  ];
  return scope === 'all'
    ? { type: 'projects', projects: { scope, rows, total: { own: 3_500, ai: 1_500, share: 0.7 } } }
    : { type: 'projects', projects: { scope, rows: [], total: { own: 0, ai: 0, share: null } } };
}

/** Every kind, in the order the extension sends them after "ready" (and "saved", "focus" after). */
export function everyMessageKind(): ToWebviewMessage[] {
  return [
    initMessage(),
    glanceMessage(),
    historyMessage(),
    projectsMessage('this'),
    insightsMessage(),
    sessionsMessage(),
    reflectionMessage(),
    { type: 'saved', date: TODAY, ok: true },
    { type: 'focus', section: 'reflection' },
  ];
}
