// The create/modify routes of the form engine's resources (issue 13), gathered for the route table.
import { apiWriteRoutes } from './api-writes.ts';
import { channelWriteRoutes } from './channel-writes.ts';
import type { RouteDef } from './common.ts';
import { coreWriteRoutes } from './core-writes.ts';
import { policyWriteRoutes } from './policy-writes.ts';

export const writeRoutes: RouteDef[] = [
  ...coreWriteRoutes,
  ...policyWriteRoutes,
  ...channelWriteRoutes,
  ...apiWriteRoutes,
];
