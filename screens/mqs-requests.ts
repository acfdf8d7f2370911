// The reads of the message-integration dialogs, as dashboard-store requests (the dialogs never call
// the client). The topic's access policy is the topic detail's access tab (one slice).
import type { RomaClient } from '../src/api/client.ts';
import type { MessageRef } from '../src/actions/mqs.ts';
import type { MqsMessage, MqsTopicAccess } from '../src/api/types/mqs.ts';
import { sharedPartRequest } from '../src/app/screen-requests.ts';
import type { ResourceRequest } from '../src/store/slice.ts';
import { topicsScreen } from './topics.ts';

type Req<T> = ResourceRequest<T, RomaClient>;

/** The topic detail's access tab (5.3.2); the dialogs read it again on open: the whole list is written back. */
export function accessRequest(instanceId: string, topic: string): Req<MqsTopicAccess> {
  return sharedPartRequest<MqsTopicAccess>(topicsScreen, 'access', instanceId, { name: topic });
}

/** The topics as a file (5.2.7): the export dialog's read, no screen shows it. */
export function topicsExportRequest(instanceId: string, names: string[]): Req<string> {
  return {
    family: 'actions.mqs.export',
    key: `${instanceId}|${names.join(',')}`,
    fetch: (client, signal) => client.instance(instanceId).mqs.topics.exportFile(names, { signal }),
  };
}

/** One message whole (5.4.1 by partition and offset): a dialog's read of the value the list cuts. */
export function wholeMessageRequest(instanceId: string, m: MessageRef): Req<MqsMessage | null> {
  return {
    family: 'actions.mqs.message',
    key: `${instanceId}|${m.topic}|${m.partition}@${m.offset}`,
    fetch: async (client, signal) =>
      (
        await client
          .instance(instanceId)
          .mqs.messages.query(
            { topic: m.topic, partition: m.partition, message_offset: m.offset },
            { signal },
          )
      ).messages[0] ?? null,
  };
}
