// Baseline for the benchmark: the smallest Ink app that renders one line and waits for `q`, bundled
// with the same esbuild settings as dist/cli.js (bench/build-minimal.mjs) so start-up and memory
// compare like with like.
import React from 'react';
import { render, Text, useApp, useInput } from 'ink';

function Minimal() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return React.createElement(Text, null, 'minimal ink ready');
}

render(React.createElement(Minimal));
