// Runs `roma-dash emulator` (the built CLI's sub-command) as a child process and reads the one JSON
// line it prints, for tests that want the emulator outside the test process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI_PATH } from './pty.ts';

export interface EmulatorInfo {
  endpoint: string;
  projectId: string;
  ak: string;
  sk: string;
  token: string;
  instances: string[];
  tempAk: string;
  tempSk: string;
  securityToken: string;
  iam: { user: string; password: string; domain: string };
}

export interface EmulatorProcess {
  info: EmulatorInfo;
  /** Everything the emulator wrote to stderr. */
  stderr(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

export async function startEmulatorProcess(args: string[], timeoutMs = 20_000): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI_PATH, 'emulator', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const line = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => rej(new Error(`emulator printed nothing in ${timeoutMs} ms: ${err}`)),
      timeoutMs,
    );
    rl.once('line', (l) => {
      clearTimeout(timer);
      res(l);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`emulator exited (${code}) before printing its endpoint: ${err}`));
    });
  });
  return {
    info: JSON.parse(line) as EmulatorInfo,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
