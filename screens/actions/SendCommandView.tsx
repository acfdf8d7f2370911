// The command form (LINK 6.2.13): the commands of the device's product, then one field per request
// property with its type, range and unit; values are checked before the confirmation (and again by
// the service). Ends in the mutation machinery (kind 'link', op 'send-command').
import { Text } from 'ink';
import { useState } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import type { DeviceRef } from '../../src/actions/link.ts';
import type { LinkProperty } from '../../src/api/types/link.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useActions } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { type CommandModel } from '../services.ts';
import { useMutationStore } from './context.tsx';
import { useResource } from './useResource.ts';
import { DialogFrame, SliceError } from './flow-frame.tsx';
import { modelRequest } from './link-requests.ts';

interface Choice {
  service: { id: number; name: string };
  model: CommandModel;
}

const hintOf = (p: LinkProperty): string =>
  [
    p.data_type,
    p.data_type === 'integer' || p.data_type === 'number' ? `${p.min ?? '?'}..${p.max ?? '?'}` : '',
    p.enum_list ? `one of ${p.enum_list}` : '',
    p.unit ?? '',
    p.required === 1 ? 'required' : 'optional',
  ]
    .filter(Boolean)
    .join(', ');

/** Client-side check of one value against its definition; the service checks again. */
export function checkParam(p: LinkProperty, v: string): string | null {
  if (v === '') return p.required === 1 ? 'required' : null;
  if (p.data_type === 'integer' || p.data_type === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n) || (p.data_type === 'integer' && !Number.isInteger(n)))
      return p.data_type === 'integer' ? 'an integer is expected' : 'a number is expected';
    if ((p.min !== undefined && n < Number(p.min)) || (p.max !== undefined && n > Number(p.max)))
      return `must be within ${p.min}..${p.max}`;
  }
  if (p.enum_list && !p.enum_list.split(',').includes(v)) return `one of ${p.enum_list}`;
  if (v.length > 32) return 'at most 32 characters (6.2.13)';
  return null;
}

export function CommandModal({ props, width }: ModalProps) {
  const actions = useActions();
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const device = props.device as DeviceRef;
  const instanceId = props.instanceId as string;
  const slice = useResource(modelRequest(instanceId, props.productId as number));
  const [choice, setChoice] = useState<Choice | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [field, setField] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const close = () => actions.popModal();

  const choices: Choice[] = (slice.data?.services ?? []).flatMap((s) =>
    s.commands.map((model) => ({ service: { id: s.id, name: s.name }, model })),
  );
  const params = choice?.model.requests ?? [];

  const submit = (c: Choice, vals: string[]) => {
    for (const [i, p] of c.model.requests.entries()) {
      const why = checkParam(p, vals[i] ?? '');
      if (why) {
        setField(i);
        setError(`${p.property_name}: ${why}`);
        return;
      }
    }
    store.getState().actions.propose({
      kind: 'link',
      op: 'send-command',
      device,
      service: c.service,
      command: { id: c.model.command.command_id, name: c.model.command.command_name },
      params: c.model.requests
        .map((p, i) => ({ parameter_name: p.property_name, parameter_value: vals[i] ?? '' }))
        .filter((p) => p.parameter_value !== ''),
      isSync: true,
    });
    close();
  };

  // While the command is picked the SelectList has the keys; afterwards the fields are typed here.
  useKeyHandler('modal', (key) => {
    if (!choice) {
      if (choices.length > 0) return false;
      if (key.id === 'escape' || key.id === 'return') close();
      return true;
    }
    if (key.id === 'escape') setChoice(null);
    else if (key.id === 'return') {
      if (field < params.length - 1) setField(field + 1);
      else submit(choice, values);
    } else if (key.id === 'tab' || key.id === 'down') setField(Math.min(params.length - 1, field + 1));
    else if (key.id === 'shift+tab' || key.id === 'up') setField(Math.max(0, field - 1));
    else if (key.id === 'backspace' || key.id === 'delete') {
      setValues((vs) => vs.map((v, i) => (i === field ? v.slice(0, -1) : v)));
      setError(null);
    } else if (key.input && !key.ctrl && !key.meta) {
      setValues((vs) => vs.map((v, i) => (i === field ? (v + key.input).slice(0, 32) : v)));
      setError(null);
    }
    return true;
  });

  return (
    <DialogFrame accent title={<>Send a command to {sanitizeText(device.name)}</>}>
      {slice.error ? (
        <SliceError error={slice.error} suffix="Esc: close" />
      ) : !slice.data ? (
        <Text color={theme.muted}>Loading the product&apos;s commands…</Text>
      ) : !choice ? (
        choices.length === 0 ? (
          <Text color={theme.warning}>The product defines no commands (see :services). Esc: close</Text>
        ) : (
          <>
            <Text color={theme.muted}>Command (Enter to choose, Esc to cancel):</Text>
            <SelectList
              items={choices.map((c) => ({
                label: `${c.service.name}.${c.model.command.command_name}`,
                value: c,
                ...(c.model.command.description ? { note: c.model.command.description } : {}),
              }))}
              width={Math.max(10, (width ?? 72) - 4)}
              onCancel={close}
              onSelect={({ value }) => {
                setChoice(value);
                setValues(value.model.requests.map(() => ''));
                setField(0);
                setError(null);
                if (value.model.requests.length === 0) submit(value, []);
              }}
            />
          </>
        )
      ) : (
        <>
          <Text>
            Command:{' '}
            <Text bold>{sanitizeText(`${choice.service.name}.${choice.model.command.command_name}`)}</Text>
          </Text>
          {params.map((p, i) => (
            <Text key={p.property_id}>
              {i === field ? '›' : ' '} {sanitizeText(p.property_name)} = {sanitizeText(values[i] ?? '')}
              {i === field ? <Text inverse> </Text> : null}{' '}
              <Text color={theme.muted}>({sanitizeText(hintOf(p))})</Text>
            </Text>
          ))}
          {error ? <Text color={theme.danger}>{sanitizeText(error)}</Text> : null}
          <Text color={theme.muted}>
            Enter: next field / continue to confirmation · Tab: next field · Esc: back
          </Text>
        </>
      )}
    </DialogFrame>
  );
}
