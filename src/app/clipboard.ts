// Where a copy goes, said honestly. Inside tmux an OSC 52 sequence wrapped in a DCS passthrough is
// dropped unless `allow-passthrough` is on, so the text is handed to tmux itself: `load-buffer -w`
// fills tmux's paste buffer and forwards it to the outer terminal's clipboard (tmux ≥ 3.2).
// Outside tmux, OSC 52 is the only route over SSH; whether the terminal honours it cannot be known.
import { spawnSync } from 'node:child_process';
import { osc52Copy } from '../../components/osc52.ts';

export interface ClipboardEnv {
  writeRaw: (s: string) => void;
  tmux: boolean;
  /** Hands text to tmux's paste buffer; true when tmux took it. Tests inject a fake tmux. */
  tmuxLoadBuffer?: (text: string) => boolean;
}

export type ClipboardRoute = 'tmux' | 'osc52';

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

export function copyToClipboard(env: ClipboardEnv, text: string): CopyResult {
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
  return { route: 'osc52', where: "to the terminal's clipboard (OSC 52, if your terminal allows it)" };
}
