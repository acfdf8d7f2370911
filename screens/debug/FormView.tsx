// The debug form: fields by section, the focused one highlighted, validation messages inline.
import { Box, Text } from 'ink';
import { resolvePath, type DebugForm } from '../../src/debug/form.ts';
import type { FormErrors } from '../../src/debug/validate.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import type { FieldView } from './fields.ts';

function shown(f: FieldView): string {
  if (f.secret && f.value !== '') return '•'.repeat(Math.min(12, f.value.length));
  if (f.ref.kind === 'body') {
    if (f.value === '') return '(empty — type, or Ctrl-E for $EDITOR)';
    const lines = f.value.split('\n');
    const first = sanitizeText(lines[0] ?? '');
    return lines.length > 1
      ? `${first} … (+${lines.length - 1} lines, ${Buffer.byteLength(f.value)} bytes)`
      : first;
  }
  return sanitizeText(f.value);
}

export function FormView({
  form,
  fields,
  focus,
  errors,
  width,
}: {
  form: DebugForm;
  fields: readonly FieldView[];
  focus: number;
  errors: FormErrors;
  width: number;
}) {
  const theme = useTheme();
  const path = resolvePath(form.pathTemplate, form.pathParams);
  const labelWidth = 16;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text color={theme.tokens.muted}>path </Text>
        <Text bold>{sanitizeText(path)}</Text>
        {errors.path ? <Text color={theme.tokens.danger}>{`  ✗ ${errors.path}`}</Text> : null}
      </Text>
      {fields.map((f, i) => {
        const header = f.section !== fields[i - 1]?.section ? f.section : null;
        const focused = i === focus;
        const err = errors[f.errorKey];
        // A row's error is shown once, on its value (or only) field.
        const showErr = err !== undefined && !('part' in f.ref && f.ref.part === 'name');
        return (
          <Box key={f.id} flexDirection="column">
            {header ? (
              <Text color={theme.tokens.header} bold>
                {header}
              </Text>
            ) : null}
            <Text wrap="truncate-end">
              <Text color={focused ? theme.tokens.accent : theme.tokens.muted}>{focused ? '› ' : '  '}</Text>
              <Text color={theme.tokens.muted}>
                {sanitizeText(f.label).padEnd(labelWidth).slice(0, labelWidth)}{' '}
              </Text>
              {f.choice ? <Text color={theme.tokens.muted}>{focused ? '◂ ' : ''}</Text> : null}
              <Text inverse={focused && !f.choice} bold={f.choice}>
                {shown(f)}
                {focused && !f.choice ? ' ' : ''}
              </Text>
              {f.choice && focused ? <Text color={theme.tokens.muted}> ▸</Text> : null}
              {showErr ? <Text color={theme.tokens.danger}>{`  ✗ ${err}`}</Text> : null}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
