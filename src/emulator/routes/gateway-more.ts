// The routes of issue 14 (domains, OpenAPI, app extras, client quotas, custom backends, instance settings,
// public resources), registered in index.ts as one list.
import { appExtraRoutes } from './app-extras.ts';
import type { RouteDef } from './common.ts';
import { domainRoutes } from './domains.ts';
import { instanceMoreRoutes } from './instance-more.ts';
import { livedataRoutes } from './livedata.ts';
import { openapiRoutes } from './openapi.ts';
import { publicRoutes } from './public.ts';

export const gatewayMoreRoutes: RouteDef[] = [
  ...domainRoutes,
  ...openapiRoutes,
  ...appExtraRoutes,
  ...livedataRoutes,
  ...instanceMoreRoutes,
  ...publicRoutes,
];
