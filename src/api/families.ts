// The message (MQS, section 5) and device (LINK, section 6) families load on first use: their client
// code and error tables are reached only through the dynamic import()s below, so the build puts them
// in chunks of their own (dist/chunks/) that a session which never opens them never reads. Loading
// a family registers its error table before any of its calls is sent, so every error it answers
// is mapped with its documented hint.
import { registerErrorHints } from './errors.ts';

export type LinkModule = typeof import('./link/index.ts');
export type MqsModule = typeof import('./mqs/client.ts');

let link: Promise<LinkModule> | undefined;
let mqs: Promise<MqsModule> | undefined;

/** The LINK client module, loaded once. */
export function loadLinkModule(): Promise<LinkModule> {
  link ??= import('./link/index.ts').then(
    (m) => {
      registerErrorHints(m.LINK_ERROR_CODE_HINTS);
      return m;
    },
    (e: unknown) => {
      link = undefined;
      throw e;
    },
  );
  return link;
}

/** The MQS client module, loaded once. */
export function loadMqsModule(): Promise<MqsModule> {
  mqs ??= import('./mqs/client.ts').then(
    (m) => {
      registerErrorHints(m.MQS_ERROR_HINTS);
      return m;
    },
    (e: unknown) => {
      mqs = undefined;
      throw e;
    },
  );
  return mqs;
}
