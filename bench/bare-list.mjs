// Baseline for key-to-frame, start-up and memory: a bare Ink app that draws the same list as the
// dashboard (rows read from the JSON file given as argument, as the dashboard's data would be),
// one <Text> per visible row, on the alternate screen with incremental rendering, and nothing
// else: no store, no HTTP, no key router. ↓/j moves the selection, PgDn pages, q quits. Bundled by
// bench/build-minimal.mjs with the same esbuild settings as dist/cli.js.
import { readFileSync } from 'node:fs';
import React, { useState } from 'react';
import { render, Box, Text, useApp, useInput, useWindowSize } from 'ink';

const rows = JSON.parse(readFileSync(process.argv[2] ?? '/dev/null', 'utf8') || '[]');
const cell = (v, w) => {
  const s = v === undefined || v === null ? '' : String(v);
  return s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w);
};
const line = (r) =>
  [
    cell(r.name, 24),
    cell(r.req_method, 7),
    cell(r.req_uri, 36),
    cell(r.group_name, 16),
    cell(r.auth_type, 10),
  ].join(' ');

function BareList() {
  const { exit } = useApp();
  const { rows: height } = useWindowSize();
  const visible = Math.max(1, (height || 24) - 2);
  const [sel, setSel] = useState(0);
  const [top, setTop] = useState(0);
  const moveTo = (next) => {
    const s = Math.max(0, Math.min(rows.length - 1, next));
    setSel(s);
    setTop((t) => (s < t ? s : s >= t + visible ? s - visible + 1 : t));
  };
  useInput((input, key) => {
    if (input === 'q') exit();
    else if (key.downArrow || input === 'j') moveTo(sel + 1);
    else if (key.upArrow || input === 'k') moveTo(sel - 1);
    else if (key.pageDown) moveTo(sel + visible);
    else if (key.pageUp) moveTo(sel - visible);
  });
  const shown = rows.slice(top, top + visible);
  return React.createElement(
    Box,
    { flexDirection: 'column', height: height || 24, overflow: 'hidden' },
    React.createElement(Text, { bold: true }, `bare list ${rows.length} items`),
    ...shown.map((r, i) =>
      React.createElement(Text, { key: top + i, inverse: top + i === sel, wrap: 'truncate' }, line(r)),
    ),
  );
}

render(React.createElement(BareList), { alternateScreen: true, incrementalRendering: true, maxFps: 30 });
