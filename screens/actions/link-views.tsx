// The device family's dialogs and its device form, loaded with its chunk the first time one of its
// lists or dialogs opens (screens/family-views.ts).
import type { ModalProps } from '../../src/app/modals.tsx';
import { useActions } from '../../src/store/index.ts';
import type { ProductFileTarget, RuleTestTarget } from './link-requests.ts';
import { ProductFileView } from './ProductFileView.tsx';
import { RuleTestView } from './RuleTestView.tsx';

export { deviceForm } from '../forms/devices.ts';
export { GroupsModal } from './GroupMembersView.tsx';
export { CommandModal } from './SendCommandView.tsx';

export function ProductFileModal({ props }: ModalProps) {
  const actions = useActions();
  return <ProductFileView target={props.target as ProductFileTarget} onClose={() => actions.popModal()} />;
}

export function RuleTestModal({ props }: ModalProps) {
  const actions = useActions();
  return <RuleTestView target={props.target as RuleTestTarget} onClose={() => actions.popModal()} />;
}
