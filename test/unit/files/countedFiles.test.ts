import * as assert from 'node:assert/strict';
import { isBinaryContent, isCountedPath, languageIdOf } from '../../../src/core/files/countedFiles';

describe('Files whose writes count', function () {
  it('counts source files and skips dependencies, build output, internals, lock files and binaries', function () {
    for (const path of ['src/app.ts', 'README.md', 'lib/build.ts', 'docs/out.md', 'Dockerfile', '.github/workflows/ci.yml']) {
      assert.equal(isCountedPath(path), true, path);
    }
    for (const path of ['node_modules/x/index.js', 'a/node_modules/y.js', '.git/HEAD', 'dist/extension.js', 'out/a.js', 'build/x.c',
      '.venv/lib/site.py', 'package-lock.json', 'web/yarn.lock', 'Cargo.lock', 'img/logo.png', 'font.woff2', '../outside.ts', '', 'a/../../b.ts']) {
      assert.equal(isCountedPath(path), false, path);
    }
  });

  it('finds binary content by a NUL byte near the start', function () {
    assert.equal(isBinaryContent(new Uint8Array([104, 105, 10])), false);
    assert.equal(isBinaryContent(new Uint8Array([137, 80, 0, 71])), true);
  });

  it('gives the language id by file extension', function () {
    assert.equal(languageIdOf('src/a.ts'), 'typescript');
    assert.equal(languageIdOf('x/Component.TSX'), 'typescriptreact');
    assert.equal(languageIdOf('main.py'), 'python');
    assert.equal(languageIdOf('Dockerfile'), 'dockerfile');
    assert.equal(languageIdOf('notes.unknownext'), 'plaintext');
  });
});
