import * as assert from 'node:assert/strict';
import { groupFigures } from '../../../bench/accuracy';
import { passes } from '../../../bench/report';
import { changesOf, readGroup } from '../../corpus/corpus';
import { scoreSession } from '../../corpus/score';

/*
 * The recorded corpus (test/fixtures/corpus, `npm run corpus:record`) replayed through the classifier:
 * a change to src/core/attribution that costs accuracy on real VS Code events fails here, not only in
 * the benchmark. Only the sessions the classifier may be tuned on (scripted and train seeds) are
 * checked here; the held-out seeds appear only in the benchmark's report.
 */
describe('the recorded corpus (VS Code 1.139)', () => {
  const scripted = readGroup('scripted');
  const train = readGroup('train');

  it('has every session, each with labelled changes and a header', () => {
    assert.ok(scripted.length >= 13, `${scripted.length} scripted sessions`);
    for (const session of [...scripted, ...train]) {
      const changes = changesOf(session);
      assert.ok(changes.length > 0, `${session.header.name} has no changes`);
      assert.ok(changes.every((record) => record.fact.detailedReason !== undefined), `${session.header.name}: a change without detailedReason`);
    }
  });

  it('counts an accepted next-edit suggestion (away from the cursor) as AI-assisted on both paths', () => {
    const session = scripted.find((candidate) => candidate.header.name === 'next-edit');
    assert.ok(session, 'the next-edit session is recorded');
    const nes = changesOf(session).filter((record) => (record.fact.detailedReason?.metadata as { $nes?: unknown } | undefined)?.$nes === true);
    assert.equal(nes.length, 1, 'one accepted next-edit suggestion');
    const scored = scoreSession(session).filter((entry) => entry.truth === 'aiInline');
    assert.deepEqual(scored.map((entry) => [entry.chars, entry.stable, entry.exact]), [[5, 'aiInline', 'aiInline']]);
  });

  it('meets every accuracy budget on the stable and the exact path (scripted sessions)', () => {
    const failing = groupFigures('scripted', scripted, { print: false }).filter((figure) => !passes(figure));
    assert.deepEqual(failing.map((figure) => `${figure.name}: ${figure.value}`), []);
  });

  it('labels the generated sessions\' anonymous extension edits with what the plan declared', () => {
    for (const session of train) {
      const truths = new Set(scoreSession(session).map((entry) => entry.truth));
      assert.ok(truths.has('typed'), `${session.header.name} has typing`);
    }
  });
});
