/** What the page knows: the view state it keeps across hide/show and reloads, and what the extension sent. */
import type { Glance, HistoryPayload, InsightsPayload, ProjectsPayload, Scope, SessionPoint } from '../protocol';
import { DEFAULT_RANGE, isRangeKey, type RangeKey } from '../ranges';
import { boot } from './host';

/** What survives a hidden panel and a window reload (`getState`/`setState` + the panel serializer). */
export interface ViewState {
  /** The dashboard, or the reflection's own page. */
  place: 'dashboard' | 'reflection';
  range: RangeKey;
  /** This project's figures, or all projects' summed. */
  scope: Scope;
  /** The day whose sessions are shown. */
  day?: string;
  /** The day whose reflection is open. */
  reflectionDay?: string;
}

export const view: ViewState = restoreView();

export function saveView(): void {
  boot.vscode.setState({ ...view });
}

function restoreView(): ViewState {
  const saved = boot.vscode.getState() as Partial<ViewState> | undefined;
  const dayOrUndefined = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  return {
    place: saved?.place === 'reflection' ? 'reflection' : 'dashboard',
    range: isRangeKey(saved?.range) ? saved.range : DEFAULT_RANGE,
    scope: saved?.scope === 'all' ? 'all' : 'this',
    day: dayOrUndefined(saved?.day),
    reflectionDay: dayOrUndefined(saved?.reflectionDay),
  };
}

/** What the extension told the page so far. */
export const received: {
  /** "init" (strings, locale, settings) has arrived: everything else is shown only after it. */
  initialised: boolean;
  reflectionEnabled: boolean;
  today: string | undefined;
  history: HistoryPayload | undefined;
  sessions: { readonly date: string; readonly sessions: readonly SessionPoint[] } | undefined;
  glance: Glance | undefined;
  insights: InsightsPayload | undefined;
  /** Sent only when there are projects to sum (a folder is open). */
  projects: ProjectsPayload | undefined;
} = { initialised: false, reflectionEnabled: false, today: undefined, history: undefined, sessions: undefined, glance: undefined, insights: undefined, projects: undefined };
