import * as assert from 'node:assert/strict';
import { randomBase64, randomBase64Url, randomHex } from '../../../src/host/randomText';

describe('Host: random identifiers from Web Crypto (both extension hosts)', function () {
  it('hex has two digits a byte, base64 and base64url decode to the bytes asked for, and no two are alike', function () {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const hex = randomHex(6);
      assert.match(hex, /^[0-9a-f]{12}$/);
      const base64 = randomBase64(16);
      assert.equal(Buffer.from(base64, 'base64').length, 16);
      assert.equal(Buffer.from(base64, 'base64').toString('base64'), base64);
      const url = randomBase64Url(6);
      assert.match(url, /^[A-Za-z0-9_-]{8}$/);
      assert.equal(Buffer.from(url, 'base64url').length, 6);
      seen.add(hex).add(base64).add(url);
    }
    assert.equal(seen.size, 600);
  });

  it('base64url has no padding and no `+` or `/` even when the bytes would give them', function () {
    const urls = Array.from({ length: 500 }, () => randomBase64Url(7));
    assert.ok(urls.every((url) => /^[A-Za-z0-9_-]+$/.test(url) && url.length === 10));
  });
});
