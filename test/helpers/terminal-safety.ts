// Checks that what the dashboard writes is safe for a terminal: no control byte that came from data,
// no line wider than the terminal. Shared by the hostile-input tests (in-process frames and pty bytes).
import stringWidth from 'string-width';

const SGR = /\x1b\[[0-9;:]*m/g;

/**
 * Characters that must never appear in a rendered frame (colours stripped first): ESC (any escape
 * other than SGR), C0 controls except \n, DEL, C1 controls and BiDi embeddings/overrides/isolates.
 */
const FORBIDDEN_IN_FRAME = /[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]/u;

export interface FrameProblem {
  what: string;
  line: number;
  excerpt: string;
}

function excerpt(s: string, at: number): string {
  return JSON.stringify(s.slice(Math.max(0, at - 20), at + 20));
}

/** Problems in one rendered frame (ink-testing-library output): forbidden bytes, over-wide lines. */
export function frameProblems(frame: string, columns: number): FrameProblem[] {
  const problems: FrameProblem[] = [];
  const lines = frame.replace(SGR, '').split('\n');
  lines.forEach((line, i) => {
    const m = FORBIDDEN_IN_FRAME.exec(line);
    if (m) problems.push({ what: `control U+${hex(m[0])}`, line: i, excerpt: excerpt(line, m.index) });
    const w = stringWidth(line);
    if (w > columns)
      problems.push({
        what: `line ${w} columns wide (> ${columns})`,
        line: i,
        excerpt: excerpt(line, columns),
      });
  });
  return problems;
}

function hex(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Escape sequences roma-dash (through Ink) is allowed to emit on a real terminal: SGR, cursor
 * movement/position, erase in line/display, scroll, private modes (alternate screen, cursor
 * visibility, bracketed paste, mouse, synchronized output), and the test harness's stty probe OSC.
 * Every other escape (OSC 0/2 titles, OSC 8 links, OSC 52 clipboard, DCS, APC, PM, SOS, bare
 * two-byte escapes) is treated as coming from data.
 */
const ALLOWED_ESCAPE =
  /^\x1b(?:\[[0-9;:]*[mABCDEFGHJKLMPSTXfd@]|\[\?[0-9;]+[hl]|\[\d*[su]|\[\d* q|\]7777;__ROMA_DASH_STTY__[^\x07]*\x07|[78])/;

export interface ByteProblem {
  what: string;
  offset: number;
  excerpt: string;
}

/** Problems in raw terminal output: escapes not on the whitelist, C0 (but CR, LF), DEL, C1, BiDi. */
export function rawOutputProblems(raw: string, allowOsc52 = false): ByteProblem[] {
  const problems: ByteProblem[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x1b) {
      const rest = raw.slice(i, i + 300);
      const m = ALLOWED_ESCAPE.exec(rest);
      if (m) {
        i += m[0].length - 1;
        continue;
      }
      // A user's own copy-id (c) writes OSC 52 with an id the app chose; tests that press c opt in.
      if (allowOsc52 && rest.startsWith('\x1b]52;c;')) {
        const end = rest.search(/\x07|\x1b\\/);
        if (end > 0) {
          i += end;
          continue;
        }
      }
      problems.push({
        what: 'escape not emitted by the app',
        offset: i,
        excerpt: JSON.stringify(rest.slice(0, 40)),
      });
      continue;
    }
    const bad =
      (c < 0x20 && c !== 0x0a && c !== 0x0d) ||
      c === 0x7f ||
      (c >= 0x80 && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (bad)
      problems.push({
        what: `control U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
        offset: i,
        excerpt: excerpt(raw, i),
      });
  }
  return problems;
}

/** The data-borne sequences a hostile seed carries; none may reach the terminal verbatim. */
export const DANGEROUS_SEQUENCES: ReadonlyArray<[string, RegExp]> = [
  ['OSC 52 clipboard write', /\x1b\]52;/],
  ['OSC 0/2 title change', /\x1b\][012];/],
  ['OSC 8 hyperlink', /\x1b\]8;/],
  ['DCS', /\x1bP/],
  ['APC/PM/SOS', /\x1b[_^X]/],
  ['8-bit C1 CSI/OSC/DCS', /[\x90\x9b\x9d]/],
  ['device status report', /\x1b\[6n/],
  ['scroll region', /\x1b\[\d+;\d+r/],
];
