// A named suite, not one module's test: the stylesheet's colour pairs across every view, in both themes.
// The window's colours meet WCAG 2.2 AA in both themes: every foreground drawn on a background, as the stylesheet
// pairs them, has a contrast ratio of at least 4.5:1 for text and 3:1 for what identifies a control (its edge, the
// focus ring, a marker's outcome colour). The palette is read from renderer/styles.css's custom properties, each
// written `light-dark(light, dark)`, so a colour changed there is checked here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(path.resolve('renderer/styles.css'), 'utf8');

/** `--name: light-dark(#light, #dark)` in the `:root` block. */
function palette(): Map<string, { light: string; dark: string }> {
  const root = /:root\s*{([^}]*)}/.exec(CSS)?.[1] ?? '';
  const colours = new Map<string, { light: string; dark: string }>();
  for (const m of root.matchAll(/--([a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi))
    colours.set(m[1] as string, { light: m[2] as string, dark: m[3] as string });
  return colours;
}

/** WCAG 2 relative luminance of an sRGB colour `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const UI = 3;

/** What the stylesheet draws on what. */
const PAIRS: ReadonlyArray<{ fg: string; bg: string; min: number; where: string }> = [
  ...['bg', 'panel', 'code-bg'].flatMap((bg) => [
    { fg: 'text', bg, min: TEXT, where: 'body text, commands in code blocks' },
    { fg: 'muted', bg, min: TEXT, where: 'hints, times, table headers' },
  ]),
  { fg: 'accent-text', bg: 'accent', min: TEXT, where: 'primary buttons, the current view, the current marker' },
  { fg: 'on-approve', bg: 'approve', min: TEXT, where: 'the Approve button' },
  { fg: 'on-deny', bg: 'deny', min: TEXT, where: 'the waiting count in the navigation' },
  ...['bg', 'panel'].flatMap((bg) =>
    ['approve', 'deny', 'low', 'medium', 'high', 'critical', 'unscored', 'accent'].map((fg) => ({
      fg,
      bg,
      min: TEXT,
      where: 'outcomes, effects, risk levels, Deny and Always allow buttons, links',
    })),
  ),
  { fg: 'critical', bg: 'code-bg', min: TEXT, where: 'an error inside a command block' },
  { fg: 'critical', bg: 'mark-critical', min: TEXT, where: 'hidden characters, the tamper banner' },
  ...['mark-medium', 'mark-high', 'mark-critical'].map((bg) => ({
    fg: 'text',
    bg,
    min: TEXT,
    where: 'risky parts of a command, search matches, banners',
  })),
  ...['bg', 'panel'].flatMap((bg) => [
    { fg: 'control-border', bg, min: UI, where: "a button's or field's edge" },
    { fg: 'focus', bg, min: UI, where: 'the focus ring' },
  ]),
  ...['approve', 'deny', 'medium', 'unscored'].map((fg) => ({
    fg,
    bg: 'panel',
    min: UI,
    where: "a seek-bar marker's outcome colour",
  })),
];

describe('contrast', () => {
  const colours = palette();

  it('reads the palette from the stylesheet', () => {
    expect([...colours.keys()]).toEqual(
      expect.arrayContaining(['bg', 'panel', 'text', 'muted', 'accent', 'approve', 'on-approve', 'control-border']),
    );
    for (const p of PAIRS) {
      expect(colours.has(p.fg), `--${p.fg}`).toBe(true);
      expect(colours.has(p.bg), `--${p.bg}`).toBe(true);
    }
  });

  it('computes ratios as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // The dark theme's Approve before this check: white on #4ac26b.
    expect(contrast('#ffffff', '#4ac26b')).toBeCloseTo(2.28, 2);
  });

  for (const theme of ['light', 'dark'] as const)
    it(`every pair meets AA in the ${theme} theme`, () => {
      const failing = PAIRS.flatMap((p) => {
        const fg = colours.get(p.fg)?.[theme] ?? '';
        const bg = colours.get(p.bg)?.[theme] ?? '';
        const ratio = contrast(fg, bg);
        return ratio >= p.min
          ? []
          : [`--${p.fg} ${fg} on --${p.bg} ${bg}: ${ratio.toFixed(2)} < ${p.min} (${p.where})`];
      });
      expect(failing).toEqual([]);
    });

  it('draws no colour outside the palette, and fades no text below it', () => {
    const outsideRoot = CSS.replace(/:root\s*{[^}]*}/, '');
    // The terminal's box is the terminal's own background (terminals are dark in both themes), nothing else.
    expect(outsideRoot.match(/#[0-9a-f]{3,6}\b/gi)).toEqual(['#11151a']);
    // Opacity lowers contrast: only disabled controls (which WCAG exempts) and what another view owns may fade.
    const faded = [...outsideRoot.matchAll(/([^{}]+){[^}]*opacity:\s*0?\.\d+/g)].map((m) => (m[1] as string).trim());
    expect(faded.filter((selector) => !/:disabled|\.card\.decided/.test(selector))).toEqual([]);
  });
});
