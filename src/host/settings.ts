import * as vscode from 'vscode';
import type { PasteCountsAs } from '../core/categories';
import { DEFAULT_REMINDER_TIME } from '../core/reflection/reminder';

export type StatusBarPeriod = 'session' | 'today' | 'last7Days';

/** Typed reads of the `ownershipRatio.*` settings; read when needed, so changes apply at once. */
export const settings = {
  exactSources(): boolean {
    return section().get<boolean>('detection.exactSources', true);
  },
  interceptAcceptCommands(): boolean {
    return section().get<boolean>('detection.interceptAcceptCommands', true);
  },
  pasteCountsAs(): PasteCountsAs {
    const value = section().get<string>('pasteCountsAs', 'excluded');
    return value === 'own' || value === 'ai' ? value : 'excluded';
  },
  idleMinutes(): number {
    return clamp(section().get<number>('session.idleMinutes', 20), 1, 240);
  },
  retentionDays(): number {
    return clamp(section().get<number>('history.retentionDays', 1825), 0, 36_500);
  },
  statusBarEnabled(): boolean {
    return section().get<boolean>('statusBar.enabled', true);
  },
  statusBarPeriod(): StatusBarPeriod {
    const value = section().get<string>('statusBar.period', 'today');
    return value === 'session' || value === 'last7Days' ? value : 'today';
  },
  reflectionEnabled(): boolean {
    return section().get<boolean>('reflection.enabled', true);
  },
  reflectionReminder(): boolean {
    return section().get<boolean>('reflection.reminder', true);
  },
  reflectionReminderTime(): string {
    return section().get<string>('reflection.reminderTime', DEFAULT_REMINDER_TIME);
  },
  /** The user's own target band for the share of own work, in percent; undefined when unset. */
  targetBand(): { readonly min: number; readonly max: number } | undefined {
    const min = section().get<number | null>('statusBar.targetMinPercent', null);
    const max = section().get<number | null>('statusBar.targetMaxPercent', null);
    if (typeof min !== 'number' && typeof max !== 'number') {
      return undefined;
    }
    return { min: clamp(typeof min === 'number' ? min : 0, 0, 100), max: clamp(typeof max === 'number' ? max : 100, 0, 100) };
  },
};

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('ownershipRatio');
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
