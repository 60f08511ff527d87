import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Nothing goes over the network, ever. The dashboard's CSP forbids
 * connections (see dashboardHtml.test.ts); this checks the code itself, the sources and the built
 * bundles with every library in them, for any API that could reach the network.
 */
const ROOT = join(__dirname, '..', '..', '..');
const NETWORK_API = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection|(?:require\(|from\s+)['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function networkUses(text: string): string[] {
  return text.split('\n').filter((line) => NETWORK_API.test(line)).map((line) => line.trim().slice(0, 120));
}

describe('No network access', function () {
  it('recognises every network API it looks for', function () {
    for (const use of ['fetch(url)', 'new XMLHttpRequest()', 'new WebSocket(u)', 'navigator.sendBeacon(u)', 'new EventSource(u)', "require('https')", 'require("node:net")', "import * as http from 'node:http';", "import { connect } from 'tls';"]) {
      assert.deepEqual(networkUses(use).length, 1, use);
    }
    assert.deepEqual(networkUses('const prefetched = refetch; // an http:// link in a comment'), []);
  });

  it('is not used anywhere in src/', function () {
    const found = sourceFiles(join(ROOT, 'src')).flatMap((file) => networkUses(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line}`));
    assert.deepEqual(found, []);
  });

  it('is not in the built bundles, libraries included', function () {
    const bundles = ['dist/extension.js', 'dist/web/extension.js', 'dist/web/features.js', 'dist/webview/dashboard.js'].map((path) => join(ROOT, path));
    if (!bundles.every((path) => existsSync(path))) {
      // `npm test` builds first; a unit run on its own before any build has nothing to check here.
      this.skip();
    }
    for (const bundle of bundles) {
      assert.deepEqual(networkUses(readFileSync(bundle, 'utf8')), [], relative(ROOT, bundle));
    }
  });
});
