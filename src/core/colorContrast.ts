/**
 * Colour contrast (WCAG 2): the charts take their colours from the theme and then darken or lighten
 * each one until it stands out from the background by at least the ratio asked for (3:1 for
 * graphics). Pure, so it is tested under Node; the dashboard page uses it.
 */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa` or `rgb()/rgba()`; undefined for anything else (a named colour, a variable). */
export function parseColor(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1].slice(0, 6);
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
  }
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/.exec(text);
  return rgb ? { r: clamp(Number(rgb[1])), g: clamp(Number(rgb[2])), b: clamp(Number(rgb[3])) } : undefined;
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
}

function clamp(value: number): number {
  return Math.min(255, Math.max(0, value));
}

function luminance({ r, g, b }: Rgb): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `color`, or the nearest shade of it (towards black on a light background, towards white on a
 * dark one) that has at least `minimum` contrast with `background`.
 */
export function withContrast(color: Rgb, background: Rgb, minimum: number): Rgb {
  if (contrastRatio(color, background) >= minimum) {
    return color;
  }
  const target = luminance(background) > 0.5 ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
  for (let step = 1; step <= 20; step++) {
    const mix = step / 20;
    const shade = { r: color.r + (target.r - color.r) * mix, g: color.g + (target.g - color.g) * mix, b: color.b + (target.b - color.b) * mix };
    if (contrastRatio(shade, background) >= minimum) {
      return { r: Math.round(shade.r), g: Math.round(shade.g), b: Math.round(shade.b) };
    }
  }
  return target;
}
