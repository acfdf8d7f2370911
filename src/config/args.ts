// The command line (kept exactly as the issue specifies; `--help` documents it).

export interface CliArgs {
  demo: boolean;
  profile?: string;
  region?: string;
  endpoint?: string;
  projectId?: string;
  instances: string[];
  readOnly: boolean;
  insecure: boolean;
  /** Seconds. */
  timeout?: number;
  logFile?: string;
  /** Auto-refresh period in seconds; 0 or absent = off. */
  refresh?: number;
  /** Do not return to the last instance and view (also ROMA_DASH_NO_RESUME=1). */
  noResume: boolean;
  help: boolean;
  version: boolean;
}

export type ParsedCommand = { command: 'dashboard'; args: CliArgs } | { command: 'emulator'; argv: string[] };

export class ArgsError extends Error {}

export const USAGE = `Usage: roma-dash [--demo] [--profile NAME] [--region R] [--endpoint URL] [--project-id ID]
                 [--instance ID]... [--read-only] [--insecure] [--timeout SECONDS] [--log-file PATH]
                 [--refresh SECONDS] [--no-resume]
       roma-dash emulator [options]      run the ROMA Connect emulator alone (see roma-dash emulator --help)
       roma-dash --help | --version

Keyboard-driven terminal dashboard for Huawei Cloud ROMA Connect: API gateway (APIC), message integration
(MQS topics and messages), device integration (LINK devices, products, rules) and public resources.

Options:
  --demo              start the built-in emulator with demo data and connect to it (no account needed)
  --profile NAME      use profile NAME from $ROMA_DASH_CONFIG or ~/.config/roma-dash/config.json
  --region R          region, e.g. cn-north-4: endpoint https://roma.R.myhuaweicloud.com, IAM https://iam.R.myhuaweicloud.com
  --endpoint URL      ROMA Connect endpoint (overrides the region's)
  --project-id ID     project id
  --instance ID       ROMA Connect instance id; repeat for several
  --read-only         refuse every change (POST/PUT/DELETE) before it is sent
  --insecure          do not verify TLS certificates (shown in red in the status bar)
  --timeout SECONDS   per-request timeout (default 15)
  --log-file PATH     append one line per HTTP request (secrets redacted)
  --refresh SECONDS   auto-refresh the view every SECONDS (0 = off, the default; R toggles it)
  --no-resume         start at the instance list instead of the last instance and view (also
                      ROMA_DASH_NO_RESUME=1); they are kept per profile, with the palette history, in
                      $XDG_STATE_HOME/roma-dash/state.json (~/.local/state/roma-dash/state.json)
  --help, --version

Credentials (first match wins): command-line flags, the roma-dash profile, HUAWEICLOUD_SDK_AK/_SK/
_PROJECT_ID/_SECURITY_TOKEN, HW_ACCESS_KEY/HW_SECRET_KEY/HW_PROJECT_ID/HW_REGION_NAME or HW_AUTH_TOKEN,
~/.huaweicloud/credentials, the current KooCLI profile in ~/.hcloud/config.json.`;

const VALUE_FLAGS = new Set([
  '--profile',
  '--region',
  '--endpoint',
  '--project-id',
  '--instance',
  '--timeout',
  '--log-file',
  '--refresh',
]);

/** `--endpoint` and a profile's `endpoint`/`iamEndpoint`: an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseArgs(argv: readonly string[]): ParsedCommand {
  if (argv[0] === 'emulator') return { command: 'emulator', argv: argv.slice(1) };
  const a: CliArgs = {
    demo: false,
    instances: [],
    readOnly: false,
    insecure: false,
    noResume: false,
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    let value: string | undefined;
    if (VALUE_FLAGS.has(flag)) {
      value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new ArgsError(`${flag} needs a value`);
    } else if (eq > 0) {
      throw new ArgsError(`${flag} takes no value`);
    }
    switch (flag) {
      case '--demo':
        a.demo = true;
        break;
      case '--read-only':
        a.readOnly = true;
        break;
      case '--insecure':
        a.insecure = true;
        break;
      case '--no-resume':
        a.noResume = true;
        break;
      case '--help':
      case '-h':
        a.help = true;
        break;
      case '--version':
      case '-v':
        a.version = true;
        break;
      case '--profile':
        a.profile = value;
        break;
      case '--region':
        a.region = value;
        break;
      case '--endpoint': {
        if (!isHttpUrl(value as string))
          throw new ArgsError(`--endpoint must be an http(s) URL, got ${value}`);
        a.endpoint = value;
        break;
      }
      case '--project-id':
        a.projectId = value;
        break;
      case '--instance':
        a.instances.push(value as string);
        break;
      case '--log-file':
        a.logFile = value;
        break;
      case '--timeout': {
        const n = Number(value);
        if (!Number.isFinite(n) || n <= 0)
          throw new ArgsError(`--timeout must be a positive number of seconds, got ${value}`);
        a.timeout = n;
        break;
      }
      case '--refresh': {
        const n = Number(value);
        // below one second the dashboard would spend its life refreshing
        if (!Number.isFinite(n) || n < 0 || (n > 0 && n < 1))
          throw new ArgsError(`--refresh must be 0 (off) or at least 1 second, got ${value}`);
        a.refresh = n;
        break;
      }
      default:
        throw new ArgsError(`unknown argument: ${raw}`);
    }
  }
  return { command: 'dashboard', args: a };
}

export interface EmulatorArgs {
  port?: number;
  host?: string;
  seed?: string;
  faults?: string;
  state?: string;
  help?: boolean;
}

export const EMULATOR_USAGE = `Usage: roma-dash emulator [--port N] [--host H] [--seed demo|hostile|empty|scale:N] [--faults SPEC] [--state FILE]

Runs an emulator of the ROMA Connect API (the API gateway, message and device integration, public
resources, and IAM's token call) and prints one JSON line with its endpoint, projectId, ak, sk, token
and instance ids, for scripts and Huawei's SDKs. Ctrl-C stops it.

Options:
  --port N        port to listen on (default: a free one)
  --host H        address to bind (default 127.0.0.1; anything else is reachable from the network)
  --seed S        demo (default): 3 instances with groups, APIs, policies, apps, topics and their
                  messages, devices, products and rules;
                  hostile: demo data carrying terminal escapes and wrong-typed fields;
                  empty; scale:N: N generated APIs and devices, N messages (at least 200) per partition,
                  N ≤ 100000 (for benchmarks)
  --faults SPEC   inject faults, comma-separated (all optional):
                    latency=MS  spike=P:MS  5xx=P  429=P[:SEC]  reset=P  malformed=P  slow=P:MS  seed=N
                    garble=P (writes: the change is applied, then its answer is garbled)
                    w5xx=P (writes: 500/503 before anything is applied)
                    pagefail=OFFSET (list reads from that offset on answer 500)
                  e.g. --faults "latency=50,5xx=0.2,429=0.1:2,reset=0.05,malformed=0.05,seed=7"
  --state FILE    keep the state in FILE (JSON, mode 0600, saved atomically shortly after each change
                  and on exit); otherwise in memory only`;

export function parseEmulatorArgs(argv: readonly string[]): EmulatorArgs {
  const out: EmulatorArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--help' || flag === '-h') {
      out.help = true;
      continue;
    }
    const value = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ArgsError(`${flag} needs a value`);
    switch (flag) {
      case '--port': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 65535)
          throw new ArgsError(`--port must be 0-65535, got ${value}`);
        out.port = n;
        break;
      }
      case '--host':
        out.host = value;
        break;
      case '--seed':
        out.seed = value;
        break;
      case '--faults':
        out.faults = value;
        break;
      case '--state':
        out.state = value;
        break;
      default:
        throw new ArgsError(`unknown emulator argument: ${raw}`);
    }
  }
  return out;
}
