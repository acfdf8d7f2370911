// The reads and runs of the LINK dialogs, as dashboard-store requests (the dialogs never call the
// client). None of them is a screen's read: each is specific to its dialog.
import type { RomaClient } from '../../src/api/client.ts';
import type { RuleTestResult } from '../../src/api/types/link.ts';
import { saveBody, type SaveResult } from '../../src/debug/export.ts';
import type { ResourceRequest } from '../../src/store/slice.ts';
import { commandModels, type CommandModel } from '../services.ts';

export interface RuleTestTarget {
  instanceId: string;
  ruleId: number;
  name: string;
  express: string;
  /** Fields the rule selects: the sample data starts with them. */
  fields: string[];
}

/** The rule run on sample data (6.5.4): changes nothing, so a read; each Enter is a run of its own. */
export function ruleTestRequest(
  t: RuleTestTarget,
  data: string,
  run: number,
): ResourceRequest<RuleTestResult, RomaClient> {
  return {
    family: 'actions.ruleTest',
    key: `${t.instanceId}|${t.ruleId}|${run}`,
    channel: 'actions.ruleTest',
    fetch: (client, signal) =>
      client.link(t.instanceId).rules.test({ test_rule_express: t.express, test_data: data }, { signal }),
  };
}

export interface ProductFileTarget {
  mode: 'export' | 'import';
  instanceId: string;
  /** Export: the products (selected or marked). */
  products: Array<{ id: number; name: string }>;
}

export const PRODUCT_EXPORT = 'actions.productExport';

/** Products to a CSV file (6.4.14), written where the user said: the export dialog's run. */
export function productExportRequest(
  t: ProductFileTarget,
  path: string,
  run: number,
): ResourceRequest<SaveResult, RomaClient> {
  return {
    family: PRODUCT_EXPORT,
    key: `${t.instanceId}|${run}`,
    channel: PRODUCT_EXPORT,
    async fetch(client, signal) {
      const csv = await client.link(t.instanceId).products.exportCsv(
        t.products.map((p) => p.id),
        { signal },
      );
      return saveBody(path, csv);
    },
  };
}

export interface ServiceModels {
  services: Array<{ id: number; name: string; commands: CommandModel[] }>;
}

/**
 * A product's services with their command models (6.3.x per service): the send-command dialog's read.
 * Flow-specific: the services screen lists every product's services, not one product's with models.
 */
export function modelRequest(
  instanceId: string,
  productId: number,
): ResourceRequest<ServiceModels, RomaClient> {
  return {
    family: 'actions.linkModels',
    key: `${instanceId}|${productId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const link = client.link(instanceId);
      const services = await link.services.listAll({ product_id: productId }, { signal });
      return {
        services: await Promise.all(
          services.map(async (s) => ({
            id: s.service_id,
            name: s.service_name,
            commands: await commandModels({ client, instanceId, signal }, s.service_id),
          })),
        ),
      };
    },
  };
}
