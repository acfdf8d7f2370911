// The modal kinds of the message-integration actions. The dialogs themselves (mqs-dialogs.tsx) load
// with the family's chunk the first time one opens (screens/family-views.ts).
export const MQS_MODALS = {
  propose: 'mqs.propose',
  window: 'mqs.window',
  grant: 'mqs.grant',
  revoke: 'mqs.revoke',
  file: 'mqs.file',
  address: 'mqs.address',
  copyValue: 'mqs.copyValue',
} as const;
