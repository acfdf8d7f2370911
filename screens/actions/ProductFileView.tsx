// Products to and from a CSV file (LINK 6.4.14 / 6.4.13). Export reads through the dashboard store and
// writes the file atomically; import reads the file and hands the upload to the mutation machinery
// (confirmation, outcome with the products that were not imported, audit line).
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { expandHome, type SaveResult } from '../../src/debug/export.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { selectSlice, useActions, useStore } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore } from './context.tsx';
import { PRODUCT_EXPORT, productExportRequest, type ProductFileTarget } from './link-requests.ts';

/** Data rows of a CSV text (the header line does not count). */
export function csvRows(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
}

export function ProductFileView({ target, onClose }: { target: ProductFileTarget; onClose: () => void }) {
  const theme = useTheme().tokens;
  const actions = useActions();
  const mutations = useMutationStore();
  const [path, setPath] = useState(target.mode === 'export' ? 'products.csv' : '');
  const [run, setRun] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const selector = useMemo(
    () => selectSlice<SaveResult>(PRODUCT_EXPORT, `${target.instanceId}|${run}`),
    [target, run],
  );
  const slice = useStore(selector);

  const go = async () => {
    if (!path.trim()) return;
    if (target.mode === 'export') {
      const next = run + 1;
      setRun(next);
      void actions.load(productExportRequest(target, path, next));
      return;
    }
    try {
      const full = resolve(expandHome(path.trim()));
      const csv = await readFile(full, 'utf8');
      mutations.getState().actions.propose({
        kind: 'link',
        op: 'import-products',
        fileName: basename(full),
        csv,
        rows: csvRows(csv),
      });
      onClose();
    } catch (e) {
      setProblem(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  useKeyHandler('modal', (key) => {
    if (key.id === 'escape') onClose();
    else if (key.id === 'return') void go();
    else if (key.id === 'ctrl+u') setPath('');
    else if (key.id === 'backspace' || key.id === 'delete') setPath((p) => p.slice(0, -1));
    else if (key.input && !key.ctrl && !key.meta) {
      setPath((p) => (p + key.input).slice(0, 500));
      setProblem(null);
    }
    return true;
  });

  const names = target.products.map((p) => p.name);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>
        {target.mode === 'export'
          ? `Export ${names.length === 1 ? `product ${sanitizeText(names[0])}` : `${names.length} products`} to a CSV file`
          : 'Import products from a CSV file'}
      </Text>
      <Text>
        File: {sanitizeText(path)}
        <Text inverse> </Text>
      </Text>
      {problem ? <Text color={theme.danger}>{sanitizeText(problem)}</Text> : null}
      {run === 0 ? null : slice.loading ? (
        <Text color={theme.muted}>exporting…</Text>
      ) : slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? '')} — {sanitizeText(slice.error.hint)}
        </Text>
      ) : slice.data ? (
        <Text color={theme.success}>
          Saved {slice.data.bytes} bytes to {sanitizeText(slice.data.path)}
        </Text>
      ) : null}
      <Text color={theme.muted}>
        Enter: {target.mode === 'export' ? 'export' : 'read the file, then confirm'} · Ctrl-U: clear · Esc:
        close
      </Text>
    </Box>
  );
}
