// OSC 52 clipboard write: works over SSH because the *local* terminal sets its clipboard.
// Inside tmux the sequence must be wrapped in a DCS passthrough (with ESC doubled), and tmux
// needs `set -g allow-passthrough on` (3.3+) or `set-clipboard on`; GNU screen uses DCS too.

const ESC = '\x1b';
const BEL = '\x07';

export interface Osc52Options {
  env?: NodeJS.ProcessEnv;
  /** Clipboard selection: 'c' clipboard (default), 'p' primary. */
  selection?: 'c' | 'p';
}

/** The escape sequence that copies `text`; the app writes it to stdout. */
export function osc52Copy(text: string, opts: Osc52Options = {}): string {
  const env = opts.env ?? process.env;
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const osc = `${ESC}]52;${opts.selection ?? 'c'};${b64}${BEL}`;
  if (env.TMUX !== undefined && env.TMUX !== '') {
    return `${ESC}Ptmux;${osc.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
  }
  if ((env.TERM ?? '').startsWith('screen') && env.STY !== undefined) {
    return `${ESC}P${osc}${ESC}\\`;
  }
  return osc;
}
