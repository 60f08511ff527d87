import * as assert from 'node:assert/strict';
import { addedLines } from '../../../src/core/trace/patch';
import { buildTraceRecord, repositoryPath, traceJson, type TraceFileInput } from '../../../src/core/trace/record';
import { agentTraceProblems } from '../../support/agentTraceSchema';

const NOW = Date.UTC(2026, 11, 2, 21, 30, 0);
const ID = '0b5c8c5e-6f0e-4c61-9b1e-2f1d3c4b5a69';
const REVISION = 'a'.repeat(40);
const none = { human: [], ai: [], mixed: [], unknown: [] };

function record(files: TraceFileInput[], withRevision = true) {
  return buildTraceRecord({ id: ID, now: NOW, revision: withRevision ? REVISION : undefined, since: 'b'.repeat(40), tool: { name: 'ownership-ratio', version: '0.1.0' }, files });
}

describe('Agent Trace record', function () {
  it('one conversation per contributor of a file, in a fixed order, valid against the schema', function () {
    const built = record([
      { path: 'src/b.ts', ranges: { ...none, unknown: [{ start_line: 1, end_line: 4 }] } },
      { path: 'src/a.ts', ranges: { ...none, ai: [{ start_line: 3, end_line: 9 }], human: [{ start_line: 1, end_line: 2 }], mixed: [{ start_line: 10, end_line: 10 }] }, uncommitted: true },
    ]);
    assert.deepEqual(agentTraceProblems(built), []);
    assert.deepEqual(built, {
      version: '0.1.0',
      id: ID,
      timestamp: '2026-12-02T21:30:00.000Z',
      vcs: { type: 'git', revision: REVISION },
      tool: { name: 'ownership-ratio', version: '0.1.0' },
      files: [
        { path: 'src/a.ts', conversations: [
          { contributor: { type: 'human' }, ranges: [{ start_line: 1, end_line: 2 }] },
          { contributor: { type: 'ai' }, ranges: [{ start_line: 3, end_line: 9 }] },
          { contributor: { type: 'mixed' }, ranges: [{ start_line: 10, end_line: 10 }] },
        ] },
        { path: 'src/b.ts', conversations: [{ contributor: { type: 'unknown' }, ranges: [{ start_line: 1, end_line: 4 }] }] },
      ],
      metadata: { 'dev.ownership-ratio': { since: 'b'.repeat(40), uncommitted: ['src/a.ts'] } },
    });
  });

  it('deterministic: the same input gives the same JSON; a file with no changed lines is left out', function () {
    const files: TraceFileInput[] = [{ path: 'gone.ts', ranges: none }, { path: 'x.ts', ranges: { ...none, ai: [{ start_line: 1, end_line: 1 }] } }];
    assert.equal(traceJson(record(files)), traceJson(record([...files].reverse())));
    assert.deepEqual(record(files).files.map((f) => f.path), ['x.ts']);
    assert.ok(traceJson(record(files)).endsWith('}\n'));
  });

  it('without a revision there is no vcs field, and the record is still valid', function () {
    const built = record([], false);
    assert.equal('vcs' in built, false);
    assert.deepEqual(agentTraceProblems(built), []);
  });

  it('the schema catches what a broken record gets wrong', function () {
    const built = record([{ path: 'x.ts', ranges: { ...none, ai: [{ start_line: 1, end_line: 1 }] } }]);
    assert.notDeepEqual(agentTraceProblems({ ...built, id: 'not-a-uuid' }), []);
    assert.notDeepEqual(agentTraceProblems({ ...built, vcs: { type: 'git', revision: 'HEAD' } }), []);
    assert.notDeepEqual(agentTraceProblems({ ...built, files: [{ path: 'x.ts', conversations: [{ contributor: { type: 'robot' }, ranges: [] }] }] }), []);
    assert.notDeepEqual(agentTraceProblems({ ...built, files: [{ path: 'x.ts', conversations: [{ ranges: [{ start_line: 0, end_line: 1 }] }] }] }), []);
    assert.notDeepEqual(agentTraceProblems({ ...built, files: [{ path: 'x.ts', conversations: [{ ranges: [{ start_line: 3, end_line: 2 }] }] }] }), []);
  });

  it('paths relative to the repository root', function () {
    assert.equal(repositoryPath('/repo', '/repo/src/a.ts'), 'src/a.ts');
    assert.equal(repositoryPath('/repo/', '/repo/a.ts'), 'a.ts');
    assert.equal(repositoryPath('/repo', '/repository/a.ts'), undefined);
    assert.equal(repositoryPath('/repo', '/repo'), undefined);
  });
});

describe('addedLines: the lines a diff adds', function () {
  it('new-side line numbers of the added lines, across hunks', function () {
    const patch = [
      'diff --git a/a.ts b/a.ts', 'index 1..2 100644', '--- a/a.ts', '+++ b/a.ts',
      '@@ -1,3 +1,4 @@', ' one', '-two', '+TWO', '+2b', ' three',
      '@@ -10,2 +11,3 @@', ' ten', '+++plus', ' eleven', '\\ No newline at end of file', '',
    ].join('\n');
    assert.deepEqual(addedLines(patch), [2, 3, 12]);
  });

  it('a new file: every line; CRLF lines; a binary file or only deletions: none', function () {
    assert.deepEqual(addedLines('--- /dev/null\r\n+++ b/n.ts\r\n@@ -0,0 +1,2 @@\r\n+a\r\n+b\r\n'), [1, 2]);
    assert.deepEqual(addedLines('Binary files a/x.png and b/x.png differ\n'), []);
    assert.deepEqual(addedLines('@@ -1,2 +0,0 @@\n-a\n-b\n'), []);
  });
});
