/** What the dashboard page needs from the host to be rendered. */
export interface DashboardHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh, crypto-random nonce for this render. */
  readonly nonce: string;
  readonly scriptUri: string;
  /**
   * The charts (chart.js and ours), named on the main script's tag and run by it once the first
   * view is painted. Not fetched by the page itself: VS Code hands the extension's messages to a
   * webview page only after its load event, which every resource fetched by then holds back.
   */
  readonly chartsUri: string;
  /** The boot script, loaded in the head: it says "ready" while the main script loads. */
  readonly bootUri: string;
  readonly styleUri: string;
  readonly language: string;
  readonly title: string;
  /** When the host rendered the page (epoch ms): the dashboard benchmark measures from here. */
  readonly renderedAt?: number;
}

/**
 * The dashboard's HTML shell with a strict Content Security Policy: nothing loads unless allowed,
 * scripts only with this render's nonce, no inline or eval'd script, no network connections.
 */
export function dashboardHtml(input: DashboardHtmlInput): string {
  const csp = [
    "default-src 'none'",
    `style-src ${input.cspSource}`,
    `img-src ${input.cspSource} data:`,
    `font-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(input.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>${escapeText(input.title)}</title>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.bootUri)}"></script>
</head>
<body>
<main id="app" aria-live="polite"${input.renderedAt === undefined ? '' : ` data-rendered-at="${Math.trunc(input.renderedAt)}"`}></main>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.scriptUri)}" data-charts="${escapeAttribute(input.chartsUri)}"></script>
</body>
</html>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
