// Every modal and action of the product, registered once at start (createSessionStores, and
// scripts/keys-md.ts for the README) by this explicit list, never as a side effect of importing a
// module: what the shell can do is decided in one place, in one order.
import { registerActionModals } from '../../screens/actions/index.tsx';
import { registerFormModals } from '../../screens/forms/index.tsx';
import { registerSaveTextModal } from './copy-text.tsx';
import { registerDebugAction } from './debug-action.ts';
import { registerShellModals } from './modals.tsx';

let installed = false;

export function installCapabilities(): void {
  if (installed) return;
  installed = true;
  registerShellModals();
  registerSaveTextModal();
  registerActionModals();
  registerFormModals();
  registerDebugAction();
}
