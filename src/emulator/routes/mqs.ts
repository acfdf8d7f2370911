// Message integration (MQS, MQS-LINK.md section 5): the 13 calls under /v2/{project_id}/mqs/instances.
// Strict as an emulator: only the `mqs` prefix is served; the reference's `mq5`/`mqc` spellings (C1) are
// answered 404 MQS.00404001. Errors use the 7.4.3 codes in the ROMA envelope {error_code, error_msg}
// (section 5 documents no error body). Rules that the reference leaves open are listed in ARCHITECTURE.md.
import { ApiError, type RouteDef } from './common.ts';
import { BASE, INST } from './mqs-common.ts';
import {
  listInstances,
  getInstance,
  listTopics,
  createTopic,
  modifyTopics,
  deleteTopicsQuery,
  deleteTopicsBody,
  exportTopics,
  importTopics,
  updateAccess,
  queryAccess,
} from './mqs-topics.ts';
import { queryMessages, resendMessage } from './mqs-messages.ts';

function root(method: string, path: string, handler: RouteDef['handler']): RouteDef {
  return { method, path, scope: 'root', handler };
}

const SERVED: RouteDef[] = [
  root('GET', BASE, listInstances),
  root('GET', INST, getInstance),
  root('GET', `${INST}/topics`, listTopics),
  root('POST', `${INST}/topics`, createTopic),
  root('PUT', `${INST}/topics`, modifyTopics),
  root('DELETE', `${INST}/topics`, deleteTopicsQuery),
  root('POST', `${INST}/topics/delete`, deleteTopicsBody),
  root('POST', `${INST}/topics/import`, importTopics),
  root('GET', `${INST}/topics/export`, exportTopics),
  root('POST', `${INST}/topics/accesspolicy`, updateAccess),
  root('GET', `${INST}/topics/{topic_name}/accesspolicy`, queryAccess),
  root('GET', `${INST}/messages`, queryMessages),
  root('POST', `${INST}/messages/action`, resendMessage),
];

/** The reference's misprinted prefixes are not served: they answer the 7.4.3 "URL does not exist". */
const MISPRINTS: RouteDef[] = ['mq5', 'mqc'].flatMap((prefix) =>
  SERVED.map((r) =>
    root(r.method, r.path.replace('/mqs/', `/${prefix}/`), () => {
      throw new ApiError(404, 'MQS.00404001', 'The requested URL does not exist.');
    }),
  ),
);

export const mqsRoutes: RouteDef[] = [...SERVED, ...MISPRINTS];
