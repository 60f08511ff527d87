import * as vscode from 'vscode';
import type { PasteCountsAs } from '../core/categories';
import type { CsvDecimal, CsvDelimiter } from '../core/export/csv';
import { readSetting, SETTINGS_SECTION, type SettingKey, type SettingValue } from '../core/settings';

export type StatusBarPeriod = SettingValue<'statusBar.period'>;

/** One setting's value now (read when needed, so changes apply at once); bad values give the default. */
export function setting<K extends SettingKey>(key: K): SettingValue<K> {
  return readSetting(key, vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(key));
}

/** Writes a setting in the user's settings (the only place the extension changes one). */
export async function updateSetting<K extends SettingKey>(key: K, value: SettingValue<K> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Typed reads of the `ownershipRatio.*` settings, by what they mean. Defaults live in `core/settings`. */
export const settings = {
  exactSources: (): boolean => setting('detection.exactSources'),
  interceptAcceptCommands: (): boolean => setting('detection.interceptAcceptCommands'),
  terminalAgents: (): readonly string[] => setting('detection.terminalAgents'),
  observeToolCommands: (): boolean => setting('detection.observeToolCommands'),
  aiExtensions: (): readonly string[] => setting('detection.aiExtensions'),
  toolExtensions: (): readonly string[] => setting('detection.toolExtensions'),
  pasteCountsAs: (): PasteCountsAs => setting('pasteCountsAs'),
  idleMinutes: (): number => setting('session.idleMinutes'),
  retentionDays: (): number => setting('history.retentionDays'),
  statusBarEnabled: (): boolean => setting('statusBar.enabled'),
  statusBarPeriod: (): StatusBarPeriod => setting('statusBar.period'),
  reflectionEnabled: (): boolean => setting('reflection.enabled'),
  reflectionReminder: (): boolean => setting('reflection.reminder'),
  reflectionReminderTime: (): string => setting('reflection.reminderTime'),
  exportDelimiter: (): CsvDelimiter => (setting('export.delimiter') === 'semicolon' ? ';' : ','),
  exportBom: (): boolean => setting('export.bom'),
  exportDecimal: (): CsvDecimal => (setting('export.decimalSeparator') === 'comma' ? ',' : '.'),
  /** The user's own target band for the share of own work, in percent; undefined when unset. */
  targetBand(): { readonly min: number; readonly max: number } | undefined {
    const min = setting('statusBar.targetMinPercent');
    const max = setting('statusBar.targetMaxPercent');
    return min === null && max === null ? undefined : { min: min ?? 0, max: max ?? 100 };
  },
};
