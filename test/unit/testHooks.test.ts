import * as assert from 'node:assert/strict';
import { testHooks } from '../../src/core/testHooks';

describe('The tests\' overrides', function () {
  const env = { OWNERSHIP_TEST_FATE_HORIZON_MS: '6000', OWNERSHIP_TEST_HOLD_RENAME_MS: '1500' };

  it('are read from the environment when allowed (under test, or the installed package beside the test-only marker)', function () {
    assert.deepEqual(testHooks(env, true), { horizonMs: 6000, holdRenameMs: 1500 });
  });

  it('change nothing when not allowed, whatever the environment says: an installed extension without the marker counts and writes as always', function () {
    assert.deepEqual(testHooks(env, false), {});
  });

  it('ignore values that are not positive numbers', function () {
    assert.deepEqual(testHooks({ OWNERSHIP_TEST_FATE_HORIZON_MS: 'soon', OWNERSHIP_TEST_HOLD_RENAME_MS: '-5' }, true), {});
    assert.deepEqual(testHooks({ OWNERSHIP_TEST_FATE_HORIZON_MS: '0' }, true), {});
    assert.deepEqual(testHooks({}, true), {});
  });
});
