// The typed client signed with the emulator's AK/SK, as most contract tests use it; `extra` sets
// what a test needs beyond that (its retry policy).
import { createRomaClient, type ClientConfig, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import type { EmulatorHandle } from '../../src/emulator/index.ts';

export function clientOf(
  em: EmulatorHandle,
  extra: Partial<Omit<ClientConfig, 'endpoint' | 'projectId' | 'auth'>> = {},
): RomaClient {
  return createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    ...extra,
  });
}

/** The environment that gives the built CLI the emulator's AK/SK and project (pseudo-terminal tests). */
export function akskEnv(em: Pick<EmulatorHandle, 'ak' | 'sk' | 'projectId'>): Record<string, string> {
  return {
    HUAWEICLOUD_SDK_AK: em.ak,
    HUAWEICLOUD_SDK_SK: em.sk,
    HUAWEICLOUD_SDK_PROJECT_ID: em.projectId,
  };
}
