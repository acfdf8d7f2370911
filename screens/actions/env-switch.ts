// The environment an API action view shows, and the key that cycles it (Tab/] forward, Shift-Tab/[
// back: the key map's tab commands, since these views have no tabs of their own).
import { useState } from 'react';
import type { EnvRef } from '../../src/actions/types.ts';
import { commandKeysLabel, commandsForKey } from '../../src/keys/keymap.ts';

/** +1 / -1 for the next/previous-environment keys, 0 for any other key. */
export function envStep(keyId: string): 1 | -1 | 0 {
  const cmds = commandsForKey(keyId, ['detail']);
  if (cmds.includes('nextTab')) return 1;
  if (cmds.includes('prevTab')) return -1;
  return 0;
}

/** The environment `step` places away from `current` in `envs`, wrapping around. */
export function stepEnv(envs: readonly EnvRef[], current: EnvRef, step: number): EnvRef {
  if (envs.length === 0) return current;
  const at = envs.findIndex((e) => e.id === current.id);
  const next = (((at < 0 ? 0 : at + step) % envs.length) + envs.length) % envs.length;
  return envs[next] ?? current;
}

/** Footer hint of the switch, from the key map. */
export const ENV_SWITCH_HINT = `${commandKeysLabel('nextTab')}: next environment`;

export interface EnvChoice {
  env: EnvRef;
  choices: readonly EnvRef[];
  /** ` (2/3)` when there is a choice, else empty. */
  position: string;
  /** Applies the key when it is an environment switch; true when it was one. */
  onKey(keyId: string): boolean;
}

/** State of the environment switch; the caller resets its cursor and marks when `onKey` switched. */
export function useEnvChoice(initial: EnvRef, choices: readonly EnvRef[] | undefined): EnvChoice {
  const list = !choices || choices.length === 0 ? [initial] : choices;
  const [env, setEnv] = useState(initial);
  const at = list.findIndex((e) => e.id === env.id);
  return {
    env,
    choices: list,
    position: list.length > 1 && at >= 0 ? ` (${at + 1}/${list.length})` : '',
    onKey(keyId) {
      const step = envStep(keyId);
      if (step === 0 || list.length < 2) return step !== 0;
      setEnv((cur) => stepEnv(list, cur, step));
      return true;
    },
  };
}
