// Where credentials come from (first match wins; the status bar shows `source`):
// flags → roma-dash profile → HUAWEICLOUD_SDK_* → HW_* → ~/.huaweicloud/credentials → KooCLI current profile.
// Region/endpoint/project id/instances given as flags override whatever the credential source says.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { RomaError } from '../api/errors.ts';
import { isHttpUrl, type CliArgs } from './args.ts';
import {
  configPath,
  huaweiCredentialsPath,
  iamEndpoint,
  kooCliConfigPath,
  romaEndpoint,
  type Env,
} from './paths.ts';

export type Credentials =
  | { method: 'aksk'; ak: string; sk: string }
  | { method: 'temporary-aksk'; ak: string; sk: string; securityToken: string }
  | { method: 'token'; token: string }
  | { method: 'password'; user: string; password: string; domain: string };

export interface ProfileAuth {
  method?: Credentials['method'];
  ak?: string;
  sk?: string;
  securityToken?: string;
  token?: string;
  user?: string;
  password?: string;
  domain?: string;
}

/** One named profile in the roma-dash config file. */
export interface Profile {
  region?: string;
  endpoint?: string;
  iamEndpoint?: string;
  projectId?: string;
  instanceIds?: string[];
  auth?: ProfileAuth;
  readOnly?: boolean;
  insecure?: boolean;
  timeoutSeconds?: number;
}

export interface ConfigFile {
  defaultProfile?: string;
  profiles?: Record<string, Profile>;
}

export interface ResolvedConfig {
  endpoint: string;
  iamEndpoint?: string;
  region?: string;
  projectId: string;
  instanceIds: string[];
  credentials: Credentials;
  /** Human label of where the credentials came from, e.g. `profile prod`, `env HW_*`. */
  source: string;
  profileName?: string;
  readOnly: boolean;
  insecure: boolean;
  timeoutMs: number;
  logFile?: string;
  warnings: string[];
}

interface Found {
  credentials?: Credentials;
  region?: string;
  endpoint?: string;
  iamEndpoint?: string;
  projectId?: string;
  source: string;
}

function configError(msg: string, hint?: string): RomaError {
  return new RomaError({ kind: 'config', method: 'CONFIG', path: 'credentials', errorMsg: msg, hint });
}

const AUTH_METHODS: ReadonlyArray<Credentials['method']> = ['aksk', 'temporary-aksk', 'token', 'password'];

/** The fields each method needs; `checkAuth` has made sure they are there. */
const AUTH_FIELDS: Record<Credentials['method'], ReadonlyArray<keyof ProfileAuth>> = {
  aksk: ['ak', 'sk'],
  'temporary-aksk': ['ak', 'sk', 'securityToken'],
  token: ['token'],
  password: ['user', 'password', 'domain'],
};

/** The method a profile's `auth` names, or the one its fields imply when it names none. */
function methodOf(a: ProfileAuth): Credentials['method'] {
  if (a.method) return a.method;
  if (a.password !== undefined || a.user !== undefined) return 'password';
  if (a.token !== undefined) return 'token';
  return a.securityToken !== undefined ? 'temporary-aksk' : 'aksk';
}

function credentialsFrom(a: ProfileAuth | undefined): Credentials | undefined {
  if (!a) return undefined;
  const f = (k: keyof ProfileAuth): string => a[k] as string;
  switch (methodOf(a)) {
    case 'password':
      return { method: 'password', user: f('user'), password: f('password'), domain: f('domain') };
    case 'token':
      return { method: 'token', token: f('token') };
    case 'temporary-aksk':
      return { method: 'temporary-aksk', ak: f('ak'), sk: f('sk'), securityToken: f('securityToken') };
    case 'aksk':
      return { method: 'aksk', ak: f('ak'), sk: f('sk') };
  }
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function worldReadableWarning(path: string): string | undefined {
  try {
    const mode = statSync(path).mode;
    if (process.platform !== 'win32' && mode & 0o044) {
      return `${path} holds secrets and is readable by other users: run chmod 600 ${path}`;
    }
  } catch {
    /* unreadable: nothing to warn about */
  }
  return undefined;
}

function fromProfile(
  env: Env,
  home: string,
  name: string | undefined,
  warnings: string[],
): (Found & { profile: Profile; name: string }) | undefined {
  const path = configPath(env, home);
  if (!exists(path)) {
    if (name) throw configError(`profile "${name}" requested but ${path} does not exist`);
    return undefined;
  }
  let file: ConfigFile;
  try {
    file = readJson(path) as ConfigFile;
  } catch (e) {
    throw configError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    throw configError(`${path} must hold a JSON object ({ "profiles": { … } })`);
  const profiles = file.profiles ?? {};
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
    throw configError(`${path}: "profiles" must be an object of named profiles`);
  const known = () => Object.keys(profiles).join(', ') || 'none';
  const def: unknown = file.defaultProfile;
  if (def !== undefined && (typeof def !== 'string' || def === ''))
    throw configError(`${path}: "defaultProfile" must be the name of a profile`);
  // A default naming no profile is a typo or a removed profile: guessing other credentials would be worse.
  if (name === undefined && typeof def === 'string' && !Object.hasOwn(profiles, def))
    throw configError(
      `${path}: "defaultProfile" names profile "${def}", which is not in "profiles" (known: ${known()})`,
      'Fix "defaultProfile" or give --profile NAME.',
    );
  const chosen = name ?? def ?? (profiles.default ? 'default' : undefined);
  if (!chosen) return undefined;
  const profile = Object.hasOwn(profiles, chosen) ? profiles[chosen] : undefined;
  if (profile !== undefined) checkProfile(profile, chosen, path);
  if (!profile) {
    if (name) throw configError(`profile "${name}" not found in ${path} (known: ${known()})`);
    return undefined;
  }
  const credentials = credentialsFrom(profile.auth);
  if (credentials) {
    const w = worldReadableWarning(path);
    if (w) warnings.push(w);
  }
  return {
    credentials,
    region: profile.region,
    endpoint: profile.endpoint,
    iamEndpoint: profile.iamEndpoint,
    projectId: profile.projectId,
    source: `profile ${chosen}`,
    profile,
    name: chosen,
  };
}

/** The file is hand-written: a wrong type is named here rather than failing later as NaN or a bad URL. */
function checkProfile(p: unknown, name: string, path: string): asserts p is Profile {
  const bad = (field: string, want: string) =>
    configError(`profile "${name}" in ${path}: "${field}" must be ${want}`);
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw bad(name, 'an object');
  const o = p as Record<string, unknown>;
  for (const f of ['region', 'endpoint', 'iamEndpoint', 'projectId'] as const) {
    if (o[f] !== undefined && (typeof o[f] !== 'string' || o[f] === '')) throw bad(f, 'a non-empty string');
  }
  for (const f of ['endpoint', 'iamEndpoint'] as const) {
    if (o[f] !== undefined && !isHttpUrl(o[f] as string))
      throw bad(f, `an http(s) URL, got ${JSON.stringify(o[f])}`);
  }
  for (const f of ['readOnly', 'insecure'] as const) {
    if (o[f] !== undefined && typeof o[f] !== 'boolean') throw bad(f, 'true or false');
  }
  const ids = o.instanceIds;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((x) => typeof x === 'string' && x !== '')))
    throw bad('instanceIds', 'a list of instance id strings');
  const t = o.timeoutSeconds;
  if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t > 0))
    throw bad('timeoutSeconds', 'a positive number');
  if (o.auth !== undefined && (typeof o.auth !== 'object' || o.auth === null || Array.isArray(o.auth)))
    throw bad('auth', 'an object');
  if (o.auth !== undefined) checkAuth(o.auth as Record<string, unknown>, name, path);
}

/**
 * A profile that has `auth` means these credentials: one that is incomplete is an error, never a reason
 * to fall through to HUAWEICLOUD_SDK_* or HW_* (possibly another account, with this profile's project).
 */
function checkAuth(a: Record<string, unknown>, name: string, path: string): void {
  const where = `profile "${name}" in ${path}`;
  const hint = 'Complete the profile\'s "auth", or remove "auth" to take credentials from the environment.';
  if (a.method !== undefined && !AUTH_METHODS.includes(a.method as Credentials['method']))
    throw configError(`${where}: "auth.method" must be one of ${AUTH_METHODS.join(', ')}`, hint);
  for (const [k, v] of Object.entries(a)) {
    if (k !== 'method' && v !== undefined && (typeof v !== 'string' || v === ''))
      throw configError(`${where}: "auth.${k}" must be a non-empty string`, hint);
  }
  const method = methodOf(a as ProfileAuth);
  for (const field of AUTH_FIELDS[method]) {
    if (a[field] === undefined)
      throw configError(`${where}: "auth.${field}" is missing (auth method ${method})`, hint);
  }
}

/**
 * An access key without its secret key (or the reverse) is a broken source: falling through to the
 * next one could pair this source's project with another account's keys.
 */
function checkKeyPair(
  where: string,
  [akName, ak]: [string, string | undefined],
  [skName, sk]: [string, string | undefined],
): void {
  if (!ak === !sk) return;
  const missing = ak ? skName : akName;
  throw configError(
    `${where}: ${missing} is missing (${ak ? akName : skName} is set)`,
    `Set both ${akName} and ${skName}, or remove the other one.`,
  );
}

function fromSdkEnv(env: Env): Found | undefined {
  const ak = env.HUAWEICLOUD_SDK_AK;
  const sk = env.HUAWEICLOUD_SDK_SK;
  checkKeyPair('environment', ['HUAWEICLOUD_SDK_AK', ak], ['HUAWEICLOUD_SDK_SK', sk]);
  if (!ak || !sk) return undefined;
  const token = env.HUAWEICLOUD_SDK_SECURITY_TOKEN;
  return {
    credentials: token
      ? { method: 'temporary-aksk', ak, sk, securityToken: token }
      : { method: 'aksk', ak, sk },
    projectId: env.HUAWEICLOUD_SDK_PROJECT_ID,
    region: env.HUAWEICLOUD_SDK_REGION,
    source: 'env HUAWEICLOUD_SDK_*',
  };
}

function fromHwEnv(env: Env): Found | undefined {
  const base = { projectId: env.HW_PROJECT_ID, region: env.HW_REGION_NAME };
  checkKeyPair('environment', ['HW_ACCESS_KEY', env.HW_ACCESS_KEY], ['HW_SECRET_KEY', env.HW_SECRET_KEY]);
  if (env.HW_ACCESS_KEY && env.HW_SECRET_KEY) {
    const token = env.HW_SECURITY_TOKEN;
    return {
      ...base,
      credentials: token
        ? { method: 'temporary-aksk', ak: env.HW_ACCESS_KEY, sk: env.HW_SECRET_KEY, securityToken: token }
        : { method: 'aksk', ak: env.HW_ACCESS_KEY, sk: env.HW_SECRET_KEY },
      source: 'env HW_*',
    };
  }
  if (env.HW_AUTH_TOKEN)
    return {
      ...base,
      credentials: { method: 'token', token: env.HW_AUTH_TOKEN },
      source: 'env HW_AUTH_TOKEN',
    };
  return undefined;
}

/** Minimal INI reader for ~/.huaweicloud/credentials (`[basic]` section: ak, sk, project_id, security_token). */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(t);
    if (sec) {
      section = (sec[1] as string).trim();
      continue;
    }
    const i = t.indexOf('=');
    if (i < 0) continue;
    (out[section] ??= {})[t.slice(0, i).trim().toLowerCase()] = t.slice(i + 1).trim();
  }
  return out;
}

function fromCredentialsFile(home: string, warnings: string[]): Found | undefined {
  const path = huaweiCredentialsPath(home);
  if (!exists(path)) return undefined;
  const ini = parseIni(readFileSync(path, 'utf8'));
  const sec = ini.basic ?? ini.default ?? Object.values(ini)[0];
  checkKeyPair(path, ['"ak"', sec?.ak], ['"sk"', sec?.sk]);
  if (!sec?.ak || !sec.sk) return undefined;
  const w = worldReadableWarning(path);
  if (w) warnings.push(w);
  const token = sec.security_token;
  return {
    credentials: token
      ? { method: 'temporary-aksk', ak: sec.ak, sk: sec.sk, securityToken: token }
      : { method: 'aksk', ak: sec.ak, sk: sec.sk },
    projectId: sec.project_id,
    region: sec.region,
    iamEndpoint: sec.iam_endpoint,
    source: '~/.huaweicloud/credentials',
  };
}

interface KooProfile {
  name?: string;
  mode?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  securityToken?: string;
  region?: string;
  projectId?: string;
}

// KooCLI stores AK/SK encrypted unless `hcloud configure set --cli-auth-encrypt=false` was run. Plain
// Huawei AKs are 20 upper-case letters/digits; anything else (or an explicit encrypt flag) is treated as encrypted.
function looksEncrypted(file: Record<string, unknown>, p: KooProfile): boolean {
  const flag = file.cliAuthEncrypt ?? file.authEncrypt;
  if (flag === true || flag === 'true') return true;
  return !!p.accessKeyId && !/^[A-Z0-9]{16,40}$/.test(p.accessKeyId);
}

function fromKooCli(home: string, warnings: string[]): Found | undefined {
  const path = kooCliConfigPath(home);
  if (!exists(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = readJson(path);
  } catch (e) {
    throw configError(`${path} (KooCLI) is not valid JSON: ${(e as Error).message}`, KOO_HINT);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw configError(`${path} (KooCLI) must hold a JSON object with "current" and "profiles"`, KOO_HINT);
  const file = parsed as Record<string, unknown>;
  if (file.profiles === undefined) return undefined; // KooCLI installed, nothing configured
  if (!Array.isArray(file.profiles) || !file.profiles.every((x) => typeof x === 'object' && x !== null))
    throw configError(`${path} (KooCLI): "profiles" must be a list of profiles`, KOO_HINT);
  const profiles = file.profiles as KooProfile[];
  if (profiles.length === 0) return undefined;
  const p = currentKooProfile(file, profiles, path);
  const current = p.name ?? 'default';
  checkKeyPair(
    `${path} (KooCLI profile ${current})`,
    ['"accessKeyId"', p.accessKeyId],
    ['"secretAccessKey"', p.secretAccessKey],
  );
  if (!p.accessKeyId || !p.secretAccessKey) return undefined;
  if (looksEncrypted(file, p)) {
    throw configError(
      `the KooCLI profile "${p.name ?? current}" in ${path} stores encrypted credentials that roma-dash cannot read`,
      'Run `hcloud configure set --cli-auth-encrypt=false` (and re-enter the AK/SK), or use another credential source.',
    );
  }
  const w = worldReadableWarning(path);
  if (w) warnings.push(w);
  return {
    credentials: p.securityToken
      ? { method: 'temporary-aksk', ak: p.accessKeyId, sk: p.secretAccessKey, securityToken: p.securityToken }
      : { method: 'aksk', ak: p.accessKeyId, sk: p.secretAccessKey },
    region: p.region,
    projectId: p.projectId || undefined,
    source: `KooCLI profile ${p.name ?? current}`,
  };
}

const KOO_HINT =
  'Fix ~/.hcloud/config.json (or run `hcloud configure init`), or use another credential source.';

/** The profile `current` names; without `current`, the one named "default" or the only one. */
function currentKooProfile(file: Record<string, unknown>, profiles: KooProfile[], path: string): KooProfile {
  const names = () => profiles.map((x) => x.name ?? '?').join(', ');
  if (file.current !== undefined) {
    if (typeof file.current !== 'string' || file.current === '')
      throw configError(`${path} (KooCLI): "current" must be a profile name`, KOO_HINT);
    const p = profiles.find((x) => x.name === file.current);
    if (!p)
      throw configError(
        `${path} (KooCLI): "current" names profile "${file.current}", which is not in "profiles" (known: ${names()})`,
        KOO_HINT,
      );
    return p;
  }
  const p = profiles.find((x) => x.name === 'default') ?? (profiles.length === 1 ? profiles[0] : undefined);
  if (!p)
    throw configError(
      `${path} (KooCLI): "current" is not set and no profile is named "default" (known: ${names()})`,
      KOO_HINT,
    );
  return p;
}

export interface ResolveInput {
  args: CliArgs;
  env?: Env;
  home?: string;
}

export function resolveConfig({ args, env = process.env, home = homedir() }: ResolveInput): ResolvedConfig {
  const warnings: string[] = [];
  const profile = fromProfile(env, home, args.profile ?? env.ROMA_DASH_PROFILE, warnings);
  const chain: Array<() => Found | undefined> = [
    () => profile,
    () => fromSdkEnv(env),
    () => fromHwEnv(env),
    () => fromCredentialsFile(home, warnings),
    () => fromKooCli(home, warnings),
  ];
  let found: Found | undefined;
  for (const next of chain) {
    const f = next();
    if (f?.credentials) {
      found = f;
      break;
    }
  }
  if (!found?.credentials) {
    throw configError(
      'no credentials found',
      'Give a profile (--profile NAME in ~/.config/roma-dash/config.json), set HUAWEICLOUD_SDK_AK/_SK or HW_ACCESS_KEY/HW_SECRET_KEY, or try --demo.',
    );
  }
  // Location settings: flags first, then the chosen profile, then the credential source. A --region flag
  // names the endpoints itself: a profile's endpoint/iamEndpoint (for its own region) must not win over it.
  const region = args.region ?? profile?.region ?? found.region;
  const fromFlag = args.region !== undefined;
  const endpoint =
    args.endpoint ??
    (fromFlag ? undefined : (profile?.endpoint ?? found.endpoint)) ??
    (region ? romaEndpoint(region) : undefined);
  const projectId = args.projectId ?? profile?.projectId ?? found.projectId;
  if (!endpoint)
    throw configError('no endpoint: give --region R or --endpoint URL (or "region" in the profile)');
  if (!projectId) throw configError('no project id: give --project-id ID (or "projectId" in the profile)');
  const iam =
    (fromFlag ? undefined : (profile?.iamEndpoint ?? found.iamEndpoint)) ??
    (region ? iamEndpoint(region) : undefined);
  if (found.credentials.method === 'password' && !iam) {
    throw configError(
      'password login needs the IAM endpoint: give --region R or "iamEndpoint" in the profile',
    );
  }
  const timeoutSeconds = args.timeout ?? profile?.profile.timeoutSeconds ?? 15;
  return {
    endpoint,
    iamEndpoint: iam,
    region,
    projectId,
    instanceIds: args.instances.length > 0 ? [...args.instances] : [...(profile?.profile.instanceIds ?? [])],
    credentials: found.credentials,
    source: found.source,
    profileName: profile?.name,
    readOnly: args.readOnly || profile?.profile.readOnly === true,
    insecure: args.insecure || profile?.profile.insecure === true,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    logFile: args.logFile,
    warnings,
  };
}

/** Profile names of the roma-dash config file, for `:ctx` (none when there is no readable file). */
export function listProfiles(env: Env = process.env, home: string = homedir()): string[] {
  const path = configPath(env, home);
  if (!exists(path)) return [];
  try {
    const file = readJson(path) as ConfigFile;
    return Object.keys(file.profiles ?? {}).sort();
  } catch {
    return []; // resolveConfig reports the broken file when it is used
  }
}
