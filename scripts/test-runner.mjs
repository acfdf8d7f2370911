// Runs the compiled test files in the order given (argv), with node:test's run(): `node --test FILES`
// sorts its files by name, so the costliest-first order scripts/test.mjs chose never reached it.
// TAP goes to stdout (the log always ends with `# pass N` / `# fail N`), the recap of failures and
// slowest files to stderr. Started by scripts/test.mjs, which sets the environment and the watchdog.
import { run } from 'node:test';
import { tap } from 'node:test/reporters';
import recap from '../test/helpers/recap-reporter.mjs';

const [concurrency, timeout, ...files] = process.argv.slice(2);

const stream = run({ files, concurrency: Number(concurrency), timeout: Number(timeout) });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(tap).pipe(process.stdout);
stream.compose(recap).pipe(process.stderr);
