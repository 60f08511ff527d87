import * as assert from 'node:assert/strict';
import { fileWriteAttribution } from '../../../src/core/files/fileWrite';
import type { TerminalRun } from '../../../src/core/terminal/terminalRuns';

const AGENT: TerminalRun = { kind: 'agent', name: 'aider', start: 1_000, end: undefined };
const GIT: TerminalRun = { kind: 'external', name: 'git', start: 1_000, end: undefined };

describe('a terminal command\'s write to a file no editor shows', () => {
  it('a new file counts whole, as the agent\'s', () => {
    const counted = fileWriteAttribution(AGENT, { path: 'src/new.py', text: 'print("héllo")\n', before: undefined, existed: false, at: 2_000 }, false);
    assert.deepEqual(counted, {
      at: 2_000, category: 'aiChat', confidence: 'estimated', chars: 15, deleted: 0, languageId: 'python',
      evidence: ['terminal:aider', 'file:unopened', 'count:created', 'len=15'],
    });
  });

  it('an existing file counts only what the write inserted over its last known content', () => {
    const counted = fileWriteAttribution(AGENT, { path: 'a.ts', text: 'const a = 1;\nconst b = 2;\n', before: 'const a = 1;\n', existed: true, at: 2_000 }, true);
    assert.deepEqual([counted?.chars, counted?.deleted, counted?.continues, counted?.evidence[2]], [13, 0, true, 'count:diff']);
  });

  it('with no content known, only the growth counts; a write that changes nothing counts nothing', () => {
    assert.equal(fileWriteAttribution(AGENT, { path: 'a.ts', text: 'x'.repeat(50), before: undefined, existed: true, sizeBefore: 20, at: 2_000 }, false)?.chars, 30);
    assert.equal(fileWriteAttribution(AGENT, { path: 'a.ts', text: 'same\n', before: 'same\r\n', existed: true, at: 2_000 }, false), undefined);
  });

  it('a git checkout\'s write is external, without a length for the AI evidence', () => {
    const counted = fileWriteAttribution(GIT, { path: 'g.ts', text: 'new line\n', before: '', existed: true, at: 2_000 }, false);
    assert.deepEqual([counted?.category, counted?.chars, counted?.evidence], ['external', 9, ['terminal:git', 'file:unopened', 'count:diff']]);
  });
});
