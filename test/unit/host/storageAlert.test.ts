import * as assert from 'node:assert/strict';
import { StorageAlert } from '../../../src/host/storageAlert';
import { installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { settle } from '../history/fakes';

describe('Host: a file that could not be written', function () {
  let vscode: FakeVscode;
  beforeEach(function () {
    vscode = installFakeVscode();
  });

  function log() {
    const lines: string[] = [];
    let shown = 0;
    return { lines, get shown() { return shown; }, warn: (line: string) => { lines.push(line); }, show: () => { shown++; } };
  }

  it('is shown to the user once per session, every failure in the log; Show Log opens it', async function () {
    const channel = log();
    const alert = new StorageAlert(channel);
    vscode.answers.push('Show Log');
    alert.failed('Could not write the history backup: ENOSPC');
    alert.failed('Could not write the history backup: ENOSPC');
    alert.failed('Could not share this window\'s counts with other windows: EACCES');
    await settle();
    assert.equal(vscode.messages.length, 1);
    assert.match(vscode.messages[0], /could not write one of its files/);
    assert.equal(channel.lines.length, 3);
    assert.equal(channel.shown, 1);
  });

  it('dismissed, it does not open the log', async function () {
    const channel = log();
    new StorageAlert(channel).failed('x');
    await settle();
    assert.equal(channel.shown, 0);
  });
});
