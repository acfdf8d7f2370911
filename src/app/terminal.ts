// The dashboard draws on a terminal and reads keys in raw mode: without one (stdin from /dev/null, a
// pipe, cron, CI) say so in one line instead of letting Ink fail with a stack.

export const NO_TERMINAL_HINT =
  'for headless use run `roma-dash emulator` (an HTTP emulator of the gateway; see roma-dash emulator --help)';

/** What is not a terminal, as a one-line message; undefined when both stdin and stdout are. */
export function terminalProblem(tty: { stdin: boolean; stdout: boolean }): string | undefined {
  if (tty.stdin && tty.stdout) return undefined;
  const which = !tty.stdin && !tty.stdout ? 'stdin and stdout are' : !tty.stdin ? 'stdin is' : 'stdout is';
  return `an interactive terminal is needed (${which} not a terminal); ${NO_TERMINAL_HINT}`;
}
