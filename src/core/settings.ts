import { AI_EXTENSIONS, TOOL_EXTENSIONS } from './attribution/extensionLists';

/**
 * Every `ownershipRatio.*` setting with its default and bounds, in one table shaped like
 * package.json's `contributes.configuration` (a unit test keeps the two equal). Values are read
 * through `readSetting`, which gives the default for anything of the wrong type or out of bounds,
 * so a hand-edited settings.json can never put a strange value into the extension.
 */

interface SettingSpec {
  readonly type: 'boolean' | 'string' | 'number' | 'array' | readonly ['number', 'null'];
  readonly default: boolean | string | number | null | readonly string[];
  /** Arrays hold strings. */
  readonly items?: { readonly type: 'string' };
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  /** `machine`: kept per machine, never synced by Settings Sync. */
  readonly scope?: 'machine';
}

export const SETTINGS = {
  'statusBar.enabled': { type: 'boolean', default: true },
  'statusBar.period': { type: 'string', enum: ['session', 'today', 'last7Days'], default: 'today' },
  'statusBar.targetMinPercent': { type: ['number', 'null'], default: null, minimum: 0, maximum: 100 },
  'statusBar.targetMaxPercent': { type: ['number', 'null'], default: null, minimum: 0, maximum: 100 },
  'pasteCountsAs': { type: 'string', enum: ['excluded', 'own', 'ai'], default: 'excluded' },
  'session.idleMinutes': { type: 'number', default: 20, minimum: 1, maximum: 240 },
  'history.retentionDays': { type: 'number', default: 1825, minimum: 0, maximum: 36500, scope: 'machine' },
  'detection.exactSources': { type: 'boolean', default: true },
  'detection.interceptAcceptCommands': { type: 'boolean', default: true },
  'detection.observeToolCommands': { type: 'boolean', default: true },
  'detection.aiExtensions': { type: 'array', items: { type: 'string' }, default: AI_EXTENSIONS },
  'detection.toolExtensions': { type: 'array', items: { type: 'string' }, default: TOOL_EXTENSIONS },
  'detection.terminalAgents': { type: 'array', items: { type: 'string' }, default: [] },
  'reflection.enabled': { type: 'boolean', default: true },
  'reflection.reminder': { type: 'boolean', default: true },
  'reflection.reminderTime': { type: 'string', default: '17:30', pattern: '^([01]?[0-9]|2[0-3]):[0-5][0-9]$' },
  'export.delimiter': { type: 'string', enum: ['comma', 'semicolon'], default: 'comma' },
  'export.bom': { type: 'boolean', default: true },
  'export.decimalSeparator': { type: 'string', enum: ['point', 'comma'], default: 'point' },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;

type ValueOf<S> =
  S extends { readonly type: 'array' } ? readonly string[]
  : S extends { readonly enum: readonly (infer E)[] } ? E
    : S extends { readonly type: 'boolean' } ? boolean
      : S extends { readonly type: 'number' } ? number
        : S extends { readonly type: readonly ['number', 'null'] } ? number | null
          : string;

export type SettingValue<K extends SettingKey> = ValueOf<(typeof SETTINGS)[K]>;

/** The section every key lives under. */
export const SETTINGS_SECTION = 'ownershipRatio';

function clampRounded(value: number, spec: SettingSpec): number {
  return Math.min(spec.maximum ?? Infinity, Math.max(spec.minimum ?? -Infinity, Math.round(value)));
}

/** At most this many entries of a list setting are read, each at most MAX_LIST_ENTRY_LENGTH long. */
export const MAX_LIST_ENTRIES = 200;
const MAX_LIST_ENTRY_LENGTH = 200;

/** A list setting's strings, trimmed, without empty, overlong or repeated entries; anything else is left out. */
export function cleanStringList(raw: readonly unknown[]): readonly string[] {
  const seen = new Set<string>();
  for (const entry of raw.slice(0, MAX_LIST_ENTRIES)) {
    const value = typeof entry === 'string' ? entry.trim() : '';
    if (value.length > 0 && value.length <= MAX_LIST_ENTRY_LENGTH) {
      seen.add(value);
    }
  }
  return Object.freeze([...seen]);
}

function valid(spec: SettingSpec, raw: unknown): boolean {
  if (spec.type === 'array') {
    return Array.isArray(raw);
  }
  if (spec.type === 'boolean') {
    return typeof raw === 'boolean';
  }
  if (spec.type === 'string') {
    return typeof raw === 'string' && (spec.enum?.includes(raw) ?? true) && (spec.pattern === undefined || new RegExp(spec.pattern).test(raw));
  }
  return typeof raw === 'number' && Number.isFinite(raw);
}

/** A setting's value from what the configuration holds: the default unless `raw` is valid; numbers rounded into bounds. */
export function readSetting<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
  const spec: SettingSpec = SETTINGS[key];
  if (!valid(spec, raw)) {
    return spec.default as SettingValue<K>;
  }
  if (Array.isArray(raw)) {
    return cleanStringList(raw) as SettingValue<K>;
  }
  return (typeof raw === 'number' ? clampRounded(raw, spec) : raw) as SettingValue<K>;
}

/** A setting's default. */
export function settingDefault<K extends SettingKey>(key: K): SettingValue<K> {
  return SETTINGS[key].default as SettingValue<K>;
}
