// Issue 14's resource screens, in palette order (one spread in registry.ts).
import type { ResourceDescriptor } from '../types.ts';
import { assetsScreen } from './assets.ts';
import { backendsScreen } from './backends.ts';
import { dictionariesScreen } from './dictionaries.ts';
import { certificatesScreen, domainsScreen } from './domains.ts';
import { featuresScreen, tagsScreen, usageScreen, versionsScreen } from './instance-settings.ts';
import { integrationAppsScreen } from './integration-apps.ts';
import { quotasScreen } from './quotas.ts';

export const GATEWAY_MORE_SCREENS: readonly ResourceDescriptor[] = [
  domainsScreen,
  certificatesScreen,
  quotasScreen,
  backendsScreen,
  integrationAppsScreen,
  dictionariesScreen,
  assetsScreen,
  featuresScreen,
  tagsScreen,
  usageScreen,
  versionsScreen,
];
