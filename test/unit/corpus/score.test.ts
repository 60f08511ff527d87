import * as assert from 'node:assert/strict';
import type { EditFact } from '../../../src/core/attribution/types';
import { CORPUS_FORMAT, type CorpusSession, type EventRecord, type StepRecord } from '../../corpus/corpus';
import { accuracy, ideCharsAsAi, ratioError, scoreFigures, scoreSession } from '../../corpus/score';
import { atCursor, fact, insertAt, reason, T0 } from '../attribution/facts';

const AGENT_TEXT = 'export function parseList(text) {\n  return text.split(",");\n}\n';

function session(events: EventRecord[]): CorpusSession {
  return { header: { type: 'session', format: CORPUS_FORMAT, name: 'generated', description: '', recordedWith: 'test', seed: 1, group: 'train' }, events };
}

function step(index: number, t: number, kind: string, anonymous?: 'aiChat' | 'tool'): StepRecord {
  return { type: 'step', t, index, kind, ...(anonymous ? { anonymous } : {}) };
}

/** A change recorded `lag` ms after it happened (the host pairs it with its selection change first). */
function change(edit: EditFact, lag = 0): EventRecord {
  return { type: 'change', t: edit.at + lag, fact: edit };
}

function typed(at: number, text: string): EditFact {
  return atCursor(text, { at, detailedReason: reason('cursor', { kind: 'type' }), selectionKind: 'keyboard' });
}

function anonymousInsert(at: number, text: string, name?: string): EditFact {
  return fact({ at, detailedReason: reason('unknown', name ? { name } : {}), changes: [insertAt(10, 0, text)], inActiveEditor: false });
}

describe('scoring recorded sessions', () => {
  it('labels an anonymous extension edit with what its step declared: the agent is AI, the tool a tool', () => {
    const scored = scoreSession(session([
      step(0, T0, 'agent', 'aiChat'),
      change(anonymousInsert(T0 + 100, AGENT_TEXT)),
      step(1, T0 + 1_000, 'tool', 'tool'),
      change(anonymousInsert(T0 + 1_100, AGENT_TEXT, 'MainThreadTextEditor')),
    ]));
    assert.deepEqual(scored.map((item) => item.truth), ['aiChat', 'tool']);
  });

  it('finds the step of an edit by the edit\'s own time, not by when the host recorded it', () => {
    const scored = scoreSession(session([
      step(0, T0, 'agent', 'aiChat'),
      step(1, T0 + 1_000, 'switchFile'),
      // Happened during the agent's step, recorded after the next step began.
      change(anonymousInsert(T0 + 950, AGENT_TEXT), 120),
    ]));
    assert.equal(scored[0].truth, 'aiChat');
  });

  it('takes the editor\'s own label for everything else, and scores both paths by characters', () => {
    const events: EventRecord[] = [step(0, T0, 'type')];
    'hello'.split('').forEach((character, index) => events.push(change(typed(T0 + 10 + index * 100, character))));
    const figures = scoreFigures(session(events));
    assert.equal(figures.chars, 5);
    assert.ok(figures.scored.every((item) => item.truth === 'typed'));
    assert.equal(accuracy(figures.scored, 'exact'), 1);
    assert.equal(ratioError(figures.scored, 'exact'), 0);
  });

  it('replays what the host\'s edit context said at each change (an AI diff view open), as the product saw it', () => {
    const short = 'const limit = 3;';
    const recorded = (signals?: { diffView: boolean; aiExtension: boolean }): EventRecord[] => [
      step(0, T0, 'agent', 'aiChat'),
      { type: 'change', t: T0 + 100, fact: anonymousInsert(T0 + 100, short), ...(signals ? { signals } : {}) },
    ];
    assert.equal(scoreSession(session(recorded({ diffView: true, aiExtension: true })))[0].stable, 'aiChat');
    assert.equal(scoreSession(session(recorded()))[0].stable, 'tool', 'an older recording: no diff view known');
    assert.equal(scoreSession(session(recorded({ diffView: false, aiExtension: false })))[0].stable, 'tool');
  });

  it('counts the characters of IDE commands (format, rename, quick fix) the path called AI', () => {
    const rename = fact({ at: T0 + 10, detailedReason: reason('rename'), changes: [insertAt(1, 4, 'By')] });
    const scored = scoreSession(session([step(0, T0, 'rename'), change(rename)]));
    assert.equal(scored[0].ideCommand, true);
    assert.equal(ideCharsAsAi(scored, 'exact'), 0);
    assert.equal(ideCharsAsAi(scored.map((item) => ({ ...item, stable: 'aiChat' as const })), 'stable'), 2);
  });
});
