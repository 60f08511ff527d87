/**
 * The dashboard's colours, from the theme (VS Code's chart colours), each made to stand out from
 * the editor background by at least 3:1, as graphics should; high-contrast themes add borders.
 */
import { parseColor, toHex, withContrast } from '../core/colorContrast';

/** WCAG's minimum contrast for graphical objects. */
const GRAPHICS_CONTRAST = 3;

function cssVariable(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

function themed(name: string, fallback: string, background: ReturnType<typeof parseColor>): string {
  const value = cssVariable(name) || fallback;
  const color = parseColor(value);
  return color && background ? toHex(withContrast(color, background, GRAPHICS_CONTRAST)) : value;
}

export interface Palette {
  readonly typed: string;
  readonly aiInline: string;
  readonly aiChat: string;
  readonly paste: string;
  readonly ratio: string;
  readonly rolling: string;
  readonly text: string;
  readonly grid: string;
  readonly font: string;
  /** A border around filled shapes in high-contrast themes, so that neighbours stay apart. */
  readonly border: string | undefined;
}

export function palette(): Palette {
  const background = parseColor(cssVariable('--vscode-editor-background') || '#1e1e1e');
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    typed: themed('--vscode-charts-blue', '#3794ff', background),
    aiInline: themed('--vscode-charts-purple', '#b180d7', background),
    aiChat: themed('--vscode-charts-orange', '#d18616', background),
    paste: themed('--vscode-charts-yellow', '#cca700', background),
    ratio: themed('--vscode-charts-green', '#89d185', background),
    rolling: themed('--vscode-charts-foreground', cssVariable('--vscode-foreground') || '#cccccc', background),
    text: cssVariable('--vscode-foreground') || '#cccccc',
    grid: cssVariable('--vscode-charts-lines') || cssVariable('--vscode-editorWidget-border') || 'rgba(128,128,128,0.3)',
    font: cssVariable('--vscode-font-family') || 'sans-serif',
    border: highContrast ? cssVariable('--vscode-contrastBorder') || cssVariable('--vscode-foreground') || undefined : undefined,
  };
}
