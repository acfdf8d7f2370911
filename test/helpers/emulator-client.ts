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
