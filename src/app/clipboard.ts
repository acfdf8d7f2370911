// Where a copy goes, said honestly. Inside tmux an OSC 52 sequence wrapped in a DCS passthrough is
// dropped unless `allow-passthrough` is on, so the text is handed to tmux itself: `load-buffer -w`
// fills tmux's paste buffer and forwards it to the outer terminal's clipboard (tmux ≥ 3.2).
// Outside tmux, OSC 52 is the only route over SSH; whether the terminal honours it cannot be asked, so
// the terminal is recognised by its environment (osc52Terminal). When neither route is known, or the
// user asked for files (ROMA_DASH_CLIPBOARD=file), the caller offers to save the text to a file instead
// (route 'unknown', see copy-text.tsx) and says so, instead of claiming a copy.
import { spawnSync } from 'node:child_process';
import { osc52Copy } from '../../components/osc52.ts';

export interface ClipboardEnv {
  writeRaw: (s: string) => void;
  tmux: boolean;
  /** Hands text to tmux's paste buffer; true when tmux took it. Tests inject a fake tmux. */
  tmuxLoadBuffer?: (text: string) => boolean;
  /** What is known about the terminal (run.tsx detects it); absent: OSC 52 is assumed to work. */
  clipboard?: ClipboardPolicy;
}

export interface ClipboardPolicy {
  /** The terminal recognised as taking OSC 52 ("kitty", "iTerm2", …), or null when not recognised. */
  osc52Terminal: string | null;
  /** The user asked for files (ROMA_DASH_CLIPBOARD=file): nothing is sent to a clipboard. */
  saveToFile?: boolean;
  /** What the terminal was recognised by, for the message when it was not ("TERM=xterm-256color"). */
  termLabel?: string;
}

export type ClipboardRoute = 'tmux' | 'osc52' | 'unknown';

export interface CopyResult {
  route: ClipboardRoute;
  /** Where the text went, for the status line: "copied id X {where}". */
  where: string;
}

/** Runs `tmux load-buffer -w -` (older tmux without `-w`: plain `load-buffer -`). */
export function tmuxLoadBuffer(text: string, bin = 'tmux'): boolean {
  for (const args of [
    ['load-buffer', '-w', '-'],
    ['load-buffer', '-'],
  ]) {
    const r = spawnSync(bin, args, { input: text, timeout: 2000, stdio: ['pipe', 'ignore', 'ignore'] });
    if (r.status === 0) return true;
  }
  return false;
}

/**
 * Terminals known to set the clipboard from OSC 52 by default, by the variables they set (locally; over
 * SSH usually only TERM arrives). xterm, GNOME Terminal/VTE and Apple Terminal are not among them.
 */
export function osc52Terminal(env: NodeJS.ProcessEnv): string | null {
  const term = env.TERM ?? '';
  const program = env.TERM_PROGRAM ?? '';
  if (env.KITTY_WINDOW_ID || term === 'xterm-kitty') return 'kitty';
  if (program === 'iTerm.app') return 'iTerm2';
  if (program === 'WezTerm' || env.WEZTERM_PANE) return 'WezTerm';
  if (program === 'ghostty' || term === 'xterm-ghostty') return 'Ghostty';
  if (term === 'alacritty' || env.ALACRITTY_WINDOW_ID || env.ALACRITTY_SOCKET) return 'Alacritty';
  if (term.startsWith('foot')) return 'foot';
  if (env.WT_SESSION) return 'Windows Terminal';
  return null;
}

/** The policy from the environment: ROMA_DASH_CLIPBOARD=file (always offer a file) or osc52 (trust it). */
export function clipboardPolicyFromEnv(env: NodeJS.ProcessEnv): ClipboardPolicy {
  const asked = (env.ROMA_DASH_CLIPBOARD ?? '').trim().toLowerCase();
  const detected = osc52Terminal(env);
  return {
    osc52Terminal: asked === 'osc52' ? (detected ?? 'ROMA_DASH_CLIPBOARD=osc52') : detected,
    ...(asked === 'file' ? { saveToFile: true } : {}),
    termLabel: env.TERM_PROGRAM ? `TERM_PROGRAM=${env.TERM_PROGRAM}` : `TERM=${env.TERM ?? '(unset)'}`,
  };
}

export function copyToClipboard(env: ClipboardEnv, text: string): CopyResult {
  if (env.clipboard?.saveToFile) {
    return { route: 'unknown', where: 'not copied: ROMA_DASH_CLIPBOARD=file asks for a file' };
  }
  if (env.tmux) {
    if ((env.tmuxLoadBuffer ?? tmuxLoadBuffer)(text)) {
      return {
        route: 'tmux',
        where: 'to the tmux buffer (prefix ] pastes; tmux forwards it to your terminal)',
      };
    }
    // tmux would not take it: bare OSC 52 still reaches the clipboard where `set-clipboard on`.
    env.writeRaw(osc52Copy(text, { env: {} }));
    return { route: 'osc52', where: 'with OSC 52 (tmux load-buffer failed; needs tmux set-clipboard on)' };
  }
  env.writeRaw(osc52Copy(text, { env: { TERM: process.env.TERM, STY: process.env.STY } }));
  if (env.clipboard && env.clipboard.osc52Terminal === null) {
    // sent anyway (it may work), but nothing says it arrived
    return {
      route: 'unknown',
      where: `sent as OSC 52, but this terminal (${env.clipboard.termLabel ?? 'unrecognised'}) is not known to take it: it may not have arrived`,
    };
  }
  const by = env.clipboard?.osc52Terminal
    ? ` (OSC 52, ${env.clipboard.osc52Terminal})`
    : ' (OSC 52, if your terminal allows it)';
  return { route: 'osc52', where: `to the terminal's clipboard${by}` };
}
