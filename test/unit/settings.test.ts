import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSetting, SETTINGS, SETTINGS_SECTION, settingDefault, type SettingKey } from '../../src/core/settings';

interface ManifestProperty {
  readonly type?: unknown;
  readonly default?: unknown;
  readonly enum?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly pattern?: unknown;
  readonly scope?: unknown;
  readonly items?: unknown;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ManifestProperty> } };
};
const properties = manifest.contributes.configuration.properties;
const COMPARED = ['type', 'items', 'default', 'enum', 'minimum', 'maximum', 'pattern', 'scope'] as const;

function picked(spec: object): Record<string, unknown> {
  const source = spec as Record<string, unknown>;
  return Object.fromEntries(COMPARED.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
}

describe('Settings: one table of defaults', function () {
  it('declares exactly the settings package.json contributes, with the same defaults and bounds', function () {
    const declared = Object.keys(properties).map((key) => key.slice(SETTINGS_SECTION.length + 1)).sort();
    assert.deepEqual(Object.keys(SETTINGS).sort(), declared);
    for (const key of Object.keys(SETTINGS) as SettingKey[]) {
      assert.deepEqual(picked(SETTINGS[key]), picked(properties[`${SETTINGS_SECTION}.${key}`]), key);
    }
  });

  it('reads a valid value as it is, rounds numbers into their bounds, and gives the default for anything else', function () {
    assert.equal(readSetting('history.retentionDays', 30), 30);
    assert.equal(readSetting('history.retentionDays', 12.6), 13);
    assert.equal(readSetting('history.retentionDays', -5), 0);
    assert.equal(readSetting('history.retentionDays', 1e9), 36_500);
    for (const bad of ['30', null, undefined, Number.NaN, Infinity, {}, true]) {
      assert.equal(readSetting('history.retentionDays', bad), settingDefault('history.retentionDays'), String(bad));
    }
    assert.equal(readSetting('statusBar.period', 'session'), 'session');
    assert.equal(readSetting('statusBar.period', 'yesterday'), 'today');
    assert.equal(readSetting('reflection.reminderTime', '7:05'), '7:05');
    assert.equal(readSetting('reflection.reminderTime', '25:00'), '17:30');
    assert.equal(readSetting('statusBar.targetMinPercent', null), null);
    assert.equal(readSetting('statusBar.targetMinPercent', 120), 100);
    assert.equal(readSetting('export.bom', 'yes'), true);
  });
});
