import * as assert from 'node:assert/strict';
import { readGroup } from '../../corpus/corpus';
import { aiChars, fateError, scoreFate } from '../../corpus/fateScore';

/** The bench's budget: kept, reworked and removed within 2 % of a session's AI characters. */
const FATE_ERROR_BUDGET = 0.02;

describe('what became of AI text in the recorded corpus (tuned-on sessions)', function () {
  this.timeout(30_000);

  it('follows every tuned-on session to within the budget of the reference, on both paths', function () {
    const fates = [...readGroup('scripted'), ...readGroup('train')].map((session) => scoreFate(session)).filter((fate) => aiChars(fate.truth) > 0);
    assert.ok(fates.length >= 20, `sessions with AI text: ${fates.length}`);
    for (const fate of fates) {
      for (const path of ['exact', 'stable'] as const) {
        const error = fateError(fate[path], fate.truth);
        assert.ok(error <= FATE_ERROR_BUDGET, `${fate.name} (${path}): ${JSON.stringify(fate[path])} against ${JSON.stringify(fate.truth)}`);
      }
    }
  });

  it('keeps the start of a suggestion that the editor sends again in full over its first line (the ghost-text session)', function () {
    const [ghost] = readGroup('scripted').filter((session) => session.header.name === 'ghost-text');
    const fate = scoreFate(ghost);
    assert.deepEqual(fate.exact, fate.truth);
    assert.equal(fate.truth.removed, 0, 'nothing of it was deleted');
  });
});
