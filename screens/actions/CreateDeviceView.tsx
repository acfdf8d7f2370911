// Create a device (LINK 6.2.1): pick the product, type the name and the node id, then confirm.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import type { RomaClient } from '../../src/api/client.ts';
import type { Product } from '../../src/api/types/link.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions, type ResourceRequest } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore } from './context.tsx';
import { useResource } from './useResource.ts';

function productsRequest(instanceId: string): ResourceRequest<Product[], RomaClient> {
  return {
    family: 'actions.linkProducts',
    key: instanceId,
    channel: 'actions',
    fetch: (client, signal) => client.link(instanceId).products.listAll({}, { signal }),
  };
}

/** `n` on :devices: pick the product, type the name and the node id (6.2.1), then confirm. */
export function CreateDeviceModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const slice = useResource(productsRequest(props.instanceId as string));
  const [product, setProduct] = useState<Product | null>(null);
  const [values, setValues] = useState(['', '']);
  const [field, setField] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const close = () => actions.popModal();
  const products = slice.data ?? [];
  const labels = ['name', 'node id'];
  const submit = (p: Product) => {
    const [name = '', nodeId = ''] = values.map((v) => v.trim());
    if (name.length < 4) return setError('name: at least 4 characters');
    if (!/^[A-Za-z0-9_-]{2,64}$/.test(nodeId)) return setError('node id: 2–64 letters, digits, _ or -');
    store.getState().actions.propose({
      kind: 'link',
      op: 'create-device',
      product: { id: p.id, name: p.name },
      appId: p.app_id ?? '',
      name,
      nodeId,
    });
    close();
  };
  useKeyHandler('modal', (key) => {
    if (!product) {
      if (products.length > 0) return false;
      if (key.id === 'escape' || key.id === 'return') close();
      return true;
    }
    if (key.id === 'escape') setProduct(null);
    else if (key.id === 'return') {
      if (field === 0) setField(1);
      else submit(product);
    } else if (key.id === 'tab' || key.id === 'down' || key.id === 'up' || key.id === 'shift+tab')
      setField(1 - field);
    else if (key.id === 'backspace' || key.id === 'delete')
      setValues((vs) => vs.map((v, i) => (i === field ? v.slice(0, -1) : v)));
    else if (key.input && !key.ctrl && !key.meta) {
      setValues((vs) => vs.map((v, i) => (i === field ? (v + key.input).slice(0, 64) : v)));
      setError(null);
    }
    return true;
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Create a device</Text>
      {slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? slice.error.hint)} · Esc: close
        </Text>
      ) : !slice.data ? (
        <Text color={theme.muted}>Loading the products…</Text>
      ) : products.length === 0 ? (
        <Text color={theme.warning}>No products: create one first. Esc: close</Text>
      ) : !product ? (
        <>
          <Text color={theme.muted}>Product (Enter to choose, Esc to cancel):</Text>
          <SelectList
            items={products.map((p) => ({ label: p.name, value: p }))}
            width={Math.max(10, (width ?? 72) - 4)}
            onCancel={close}
            onSelect={({ value }) => setProduct(value)}
          />
        </>
      ) : (
        <>
          <Text>
            Product: <Text bold>{sanitizeText(product.name)}</Text>
          </Text>
          {labels.map((l, i) => (
            <Text key={l}>
              {i === field ? '›' : ' '} {l} = {sanitizeText(values[i] ?? '')}
              {i === field ? <Text inverse> </Text> : null}
            </Text>
          ))}
          {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
          <Text color={theme.muted}>
            Enter: next field / continue to confirmation · Tab: next field · Esc: back
          </Text>
        </>
      )}
    </Box>
  );
}
