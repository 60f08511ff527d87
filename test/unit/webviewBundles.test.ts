import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const META = join(__dirname, '..', '..', '..', 'dist', 'webview.meta.json');

describe('The dashboard\'s bundles', function () {
  it('keep the boot script free of libraries: only our own small modules (types from the protocol cost nothing)', function () {
    if (!existsSync(META)) {
      // `npm test` builds first; a unit run on its own before any build has nothing to check here.
      this.skip();
    }
    const meta = JSON.parse(readFileSync(META, 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown>; bytes: number }> };
    const boot = Object.entries(meta.outputs).find(([file]) => file.endsWith('webview/boot.js'))?.[1];
    assert.ok(boot, 'the boot script is built');
    assert.deepEqual(Object.keys(boot.inputs).filter((input) => input.includes('node_modules')), []);
    assert.deepEqual(Object.keys(boot.inputs).filter((input) => /src\/protocol\.ts$/.test(input)), [], 'the protocol (with its validation) is not in it');
  });
});
