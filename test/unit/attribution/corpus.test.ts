import * as assert from 'node:assert/strict';
import { accuracyFigures, scoreSession } from '../../../bench/accuracy';
import { passes } from '../../../bench/report';
import { changesOf, readCorpus } from '../../corpus/corpus';

/*
 * The recorded corpus (test/fixtures/corpus, `npm run corpus:record`) replayed through the classifier:
 * a change to src/core/attribution that costs accuracy on real VS Code events fails here, not only in
 * the benchmark.
 */
describe('the recorded corpus (VS Code 1.139)', () => {
  const sessions = readCorpus();

  it('has every session, each with labelled changes and a header', () => {
    assert.ok(sessions.length >= 13, `${sessions.length} sessions`);
    for (const session of sessions) {
      const changes = changesOf(session);
      assert.ok(changes.length > 0, `${session.header.name} has no changes`);
      assert.ok(changes.every((record) => record.fact.detailedReason !== undefined), `${session.header.name}: a change without detailedReason`);
    }
  });

  it('counts an accepted next-edit suggestion (away from the cursor) as AI-assisted on both paths', () => {
    const session = sessions.find((candidate) => candidate.header.name === 'next-edit');
    assert.ok(session, 'the next-edit session is recorded');
    const nes = changesOf(session).filter((record) => (record.fact.detailedReason?.metadata as { $nes?: unknown } | undefined)?.$nes === true);
    assert.equal(nes.length, 1, 'one accepted next-edit suggestion');
    const scored = scoreSession(session).filter((entry) => entry.truth === 'aiInline');
    assert.deepEqual(scored.map((entry) => [entry.chars, entry.stable, entry.exact]), [[5, 'aiInline', 'aiInline']]);
  });

  it('meets every accuracy budget on the stable and the exact path', () => {
    const failing = accuracyFigures(sessions, { print: false }).filter((figure) => !passes(figure));
    assert.deepEqual(failing.map((figure) => `${figure.name}: ${figure.value}`), []);
  });
});
