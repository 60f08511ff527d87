import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every literal passed to `vscode.l10n.t(...)` in the extension's sources. */
function l10nMessages(): Set<string> {
  const messages = new Set<string>();
  const call = /l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      messages.add(match[1].replace(/\\'/g, "'"));
    }
  }
  return messages;
}

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;
}

describe('Localisation (English and Dutch)', function () {
  it('translates every UI message of the extension into Dutch', function () {
    const dutch = readJson('l10n/bundle.l10n.nl.json');
    const missing = [...l10nMessages()].filter((message) => !(message in dutch));
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.nl.json');
  });

  it('keeps no stale Dutch messages', function () {
    const messages = l10nMessages();
    const stale = Object.keys(readJson('l10n/bundle.l10n.nl.json')).filter((message) => !messages.has(message));
    assert.deepEqual(stale, []);
  });

  it('keeps the placeholders of each message in its translation', function () {
    for (const [english, dutch] of Object.entries(readJson('l10n/bundle.l10n.nl.json'))) {
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual(placeholders(dutch), placeholders(english), english);
    }
  });

  it('has every package.json %key% in both package.nls files', function () {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    for (const file of ['package.nls.json', 'package.nls.nl.json']) {
      const nls = readJson(file);
      assert.deepEqual(keys.filter((key) => !(key in nls)), [], file);
    }
    assert.deepEqual(Object.keys(readJson('package.nls.nl.json')).sort(), Object.keys(readJson('package.nls.json')).sort());
  });
});
