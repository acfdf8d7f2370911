/** UI state that is not navigation: modals, the status line, secrets revealed. */

/**
 * A modal is data: `kind` picks the component from the modal registry (src/app/modals.tsx), `props`
 * are handed to it. Later features (confirm dialogs, debug console) push their own kinds.
 */
export interface ModalSpec {
  kind: string;
  props?: Readonly<Record<string, unknown>>;
}

export type StatusLevel = 'info' | 'progress' | 'error' | 'warning';

export interface StatusMessage {
  level: StatusLevel;
  text: string;
  code?: string;
  hint?: string;
}
