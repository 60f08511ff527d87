import * as assert from 'node:assert/strict';
import { Attributor } from '../../../src/core/attribution/attributor';
import { IntentLog } from '../../../src/core/attribution/intents';
import type { Attribution, EditFact } from '../../../src/core/attribution/types';
import { TerminalRuns } from '../../../src/core/terminal/terminalRuns';
import { CURSOR, MULTI_LINE_CODE, T0, atCursor, fact, insertAt, intent, reason } from './facts';

/** The classifier with terminal runs on a hand-moved clock; what it counts, in order. */
function harness(exactSources = false) {
  let now = T0;
  const clock = { now: () => now };
  const runs = new TerminalRuns(clock);
  const intents = new IntentLog();
  const counted: Attribution[] = [];
  const attributor = new Attributor({
    intents,
    exactSources: () => exactSources,
    terminal: runs,
    sink: { record: (attribution) => counted.push(attribution), replace: () => assert.fail('no action is redecided here') },
  });
  return { runs, intents, counted, attributor, at: (time: number) => { now = time; } };
}

/** A clean open file rewritten on disk: the editor reloads it (one change, no cursor moved). */
function reload(at: number, overrides: Partial<EditFact> = {}): EditFact {
  return fact({ at, wasDirty: false, inActiveEditor: false, changes: [insertAt(1, 0, MULTI_LINE_CODE)], ...overrides });
}

describe('terminal commands and open documents', () => {
  it('a reload while an agent CLI runs is the agent\'s, on the stable path with or without the file watcher\'s intent', () => {
    const { runs, intents, counted, attributor } = harness();
    runs.start('exec', { kind: 'agent', name: 'claude' }, T0);
    attributor.attribute(reload(T0 + 1_000));
    intents.record(intent('fileChangedOnDisk', T0 + 2_000));
    attributor.attribute(reload(T0 + 2_001));
    assert.deepEqual(counted.map((each) => [each.category, each.confidence, each.chars]), [
      ['aiChat', 'estimated', MULTI_LINE_CODE.length], ['aiChat', 'estimated', MULTI_LINE_CODE.length],
    ]);
    assert.ok(counted.every((each) => each.evidence.includes('terminal:claude') && each.evidence.includes(`len=${MULTI_LINE_CODE.length}`)));
  });

  it('on the exact path, a reload from disk while an agent runs is the agent\'s', () => {
    const { runs, counted, attributor } = harness(true);
    runs.start('exec', { kind: 'agent', name: 'codex' }, T0);
    attributor.attribute(reload(T0 + 500, { detailedReason: reason('reloadFromDisk') }));
    assert.equal(counted[0].category, 'aiChat');
    assert.ok(counted[0].evidence.includes('exact:reloadFromDisk') && counted[0].evidence.includes('terminal:codex'));
  });

  it('a git checkout\'s rewrite is external, also where the change alone looks like an agent\'s', () => {
    const { runs, counted, attributor } = harness();
    runs.start('exec', { kind: 'external', name: 'git' }, T0);
    attributor.attribute(reload(T0 + 300));
    assert.deepEqual([counted[0].category, counted[0].evidence.includes('terminal:git')], ['external', true]);
  });

  it('the user\'s own typing, pastes and edits of a dirty document stay theirs while an agent runs', () => {
    const { runs, intents, counted, attributor } = harness();
    runs.start('exec', { kind: 'agent', name: 'claude' }, T0);
    attributor.attribute(atCursor('x', { at: T0 + 100, selectionKind: 'keyboard', wasDirty: false }));
    intents.record(intent('paste', T0 + 200));
    attributor.attribute(atCursor(MULTI_LINE_CODE, { at: T0 + 201, cursors: [CURSOR] }));
    attributor.attribute(reload(T0 + 300, { wasDirty: true, inActiveEditor: true }));
    assert.deepEqual(counted.map((each) => each.category), ['typed', 'paste', 'aiChat']);
    assert.ok(!counted.some((each) => each.evidence.some((token) => token.startsWith('terminal:'))), 'no terminal evidence on the user\'s edits');
  });

  it('after the run\'s grace period, a reload is external again', () => {
    const { runs, intents, counted, attributor } = harness();
    runs.start('exec', { kind: 'agent', name: 'claude' }, T0);
    runs.end('exec', T0 + 1_000);
    intents.record(intent('fileChangedOnDisk', T0 + 60_000));
    attributor.attribute(reload(T0 + 60_001));
    assert.deepEqual([counted[0].category, counted[0].evidence.some((token) => token.startsWith('terminal:'))], ['external', false]);
  });
});
