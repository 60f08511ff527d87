import * as assert from 'node:assert/strict';
import { MAX_RUN_MS, RUN_GRACE_MS, TerminalRuns } from '../../../src/core/terminal/terminalRuns';

function clockAt(start: number): { now(): number; set(value: number): void } {
  let time = start;
  return { now: () => time, set: (value) => { time = value; } };
}

describe('Terminal runs', function () {
  it('explains writes from a run’s start until a grace period after its end', function () {
    const clock = clockAt(1_000);
    const runs = new TerminalRuns(clock);
    const execution = {};
    runs.start(execution, { kind: 'agent', name: 'claude' });
    assert.equal(runs.agentAt(999), undefined);
    assert.equal(runs.agentAt(1_000), 'claude');
    assert.equal(runs.agentAt(60_000), 'claude');
    assert.equal(runs.quietAt(60_000), undefined);
    runs.end(execution, 5_000);
    assert.equal(runs.agentAt(5_000 + RUN_GRACE_MS), 'claude');
    assert.equal(runs.quietAt(5_000), 5_000 + RUN_GRACE_MS);
    assert.equal(runs.agentAt(5_001 + RUN_GRACE_MS), undefined);
    assert.equal(runs.anyActive(5_001 + RUN_GRACE_MS), false);
  });

  it('prefers the run started last, and tells external commands from agents', function () {
    const clock = clockAt(0);
    const runs = new TerminalRuns(clock, 1_000);
    runs.start('agent', { kind: 'agent', name: 'codex' }, 0);
    runs.start('git', { kind: 'external', name: 'git' }, 100);
    assert.equal(runs.explain(150)?.kind, 'external');
    assert.equal(runs.agentAt(150), undefined);
    runs.end('git', 200);
    assert.equal(runs.explain(1_201)?.name, 'codex');
    assert.equal(runs.agentAt(50), 'codex');
  });

  it('forgets a run that never ends after a long bound, and ignores unknown ends', function () {
    const clock = clockAt(0);
    const runs = new TerminalRuns(clock);
    runs.end('never started', 10);
    runs.start('x', { kind: 'agent', name: 'aider' }, 0);
    assert.equal(runs.agentAt(MAX_RUN_MS), 'aider');
    assert.equal(runs.agentAt(MAX_RUN_MS + 1), undefined);
  });
});
