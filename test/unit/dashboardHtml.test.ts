import * as assert from 'node:assert/strict';
import { dashboardHtml, type DashboardHtmlInput } from '../../src/core/dashboardHtml';
import { randomBase64 } from '../../src/host/randomText';

function render(patch: Partial<DashboardHtmlInput> = {}): string {
  return dashboardHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: randomBase64(16),
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/dashboard.js',
    chartsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/charts.js',
    bootUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/boot.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.css',
    language: 'en',
    title: 'Ownership Ratio',
    ...patch,
  });
}

function csp(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'CSP meta present');
  const directives = new Map<string, string[]>();
  for (const part of match[1].replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) {
      directives.set(name, values);
    }
  }
  return directives;
}

describe('Dashboard HTML shell: strict Content Security Policy, escaped values', function () {
  it('carries the instant it was rendered (for the benchmark) as a whole number, and nothing when not given', function () {
    assert.match(render({ renderedAt: 1_795_550_000_123.6 }), /<main id="app" aria-live="polite" data-rendered-at="1795550000123">/);
    assert.match(render(), /<main id="app" aria-live="polite">/);
  });

  it('has a CSP meta with default-src none', function () {
    const policy = csp(render());
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
  });

  it('allows scripts only by nonce: no unsafe-inline, no unsafe-eval, no connect-src', function () {
    const nonce = randomBase64(16);
    const html = render({ nonce });
    const policy = csp(html);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    assert.ok(!html.includes('unsafe-eval'));
    for (const [name, values] of policy) {
      if (name.startsWith('script')) {
        assert.ok(!values.includes("'unsafe-inline'"), name);
      }
    }
    assert.ok(!policy.has('connect-src') || policy.get('connect-src')?.join(' ') === "'none'");
    assert.ok(!html.includes('http://'));
  });

  it('puts the nonce on every script tag and has no inline script or handler', function () {
    const nonce = 'q1w2e3r4t5y6u7i8o9p0AA==';
    const html = render({ nonce });
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    // The boot script in the head, the main bundle at the end of the body: all files, no inline code.
    assert.deepEqual(scripts.map(([, attributes]) => /src="[^"]*\/([a-z]+\.js)"/.exec(attributes)?.[1]), ['boot.js', 'dashboard.js']);
    // The charts are named on the main bundle's tag, which runs them later (with the same nonce): nothing preloads them.
    assert.match(scripts[1][1], /data-charts="[^"]*\/charts\.js"/);
    assert.doesNotMatch(html, /<link[^>]*preload/);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, new RegExp(`nonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}"`));
      assert.match(attributes, /src="/);
      assert.equal(body.trim(), '');
    }
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /<style/i);
  });

  it('uses a fresh 128-bit nonce per render (the panel draws it from crypto)', async function () {
    // The panel's render: 16 random bytes (Web Crypto) → 128 bits. Check the host code does exactly that.
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const panel = readFileSync(join(__dirname, '..', '..', '..', 'src', 'host', 'dashboardPanel.ts'), 'utf8');
    assert.match(panel, /nonce: randomBase64\(16\)/);
    assert.doesNotMatch(panel, /Math\.random/);
    assert.doesNotMatch(panel, /retainContextWhenHidden/);
    const nonces = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const html = render();
      const nonce = /'nonce-([^']+)'/.exec(html.replace(/&#39;/g, "'"))?.[1];
      assert.ok(nonce && Buffer.from(nonce, 'base64').length === 16);
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 50);
  });

  it('escapes what it is given', function () {
    const html = render({ title: '</title><script>alert(1)</script>', language: '"><script>' });
    assert.equal([...html.matchAll(/<script/g)].length, 2, 'only the boot script and the main bundle');
    assert.ok(html.includes('&lt;/title&gt;'));
  });
});
