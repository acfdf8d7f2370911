import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Env {
  [name: string]: string | undefined;
}

export function configPath(env: Env, home: string = homedir()): string {
  return (
    env.ROMA_DASH_CONFIG || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'roma-dash', 'config.json')
  );
}

export const huaweiCredentialsPath = (home: string) => join(home, '.huaweicloud', 'credentials');
export const kooCliConfigPath = (home: string) => join(home, '.hcloud', 'config.json');

export function romaEndpoint(region: string): string {
  return `https://roma.${region}.myhuaweicloud.com`;
}

export function iamEndpoint(region: string): string {
  return `https://iam.${region}.myhuaweicloud.com`;
}
