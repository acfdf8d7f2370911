import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerLines } from '../../screens/debug/answerLines.ts';
import { restoreSecrets } from '../../src/debug/secrets.ts';
import { THEMES } from '../../src/ui/theme.ts';

const text = (lines: ReturnType<typeof answerLines>) =>
  lines.map((l) => l.map((s) => s.text).join('')).join('\n');

test('response tab: coloured status, callouts, [TRUNCATED] made visible, control characters neutralised', () => {
  const answer = {
    request: 'GET / HTTP/1.1\r\n\r\n',
    response:
      'HTTP/1.1 503 Service Unavailable\r\nX-Apig-Ratelimit-Api: remain:1\r\nX-Evil: \x1b[31mred\r\n\r\n{"a":"b"[TRUNCATED]',
    latency: 12,
    log: '',
  };
  const lines = answerLines('response', answer, THEMES.default, 80, 'wrap');
  const t = text(lines);
  assert.match(t, /^HTTP\/1\.1 503 Service Unavailable {2}server-error {2}latency 12 ms/);
  assert.equal(lines[0]?.[0]?.color, THEMES.default.tokens.status['5xx']);
  assert.match(t, /\[TRUNCATED\] the gateway cut the body/);
  assert.match(t, /★ X-Apig-Ratelimit-Api: remain:1/);
  assert.doesNotMatch(t, /\x1b/);
  assert.match(t, /␛\[31mred/);
  assert.match(text(answerLines('log', answer, THEMES.default, 80, 'wrap')), /no log/);
});

test('re-run from history takes the secrets typed now and drops masked credentials with nothing typed', () => {
  const req = restoreSecrets(
    {
      mode: 'DEVELOPER',
      scheme: 'HTTPS',
      method: 'GET',
      path: '/',
      app_key: 'k-old',
      app_secret: '***',
      header: { Authorization: ['***'], 'X-Auth-Token': ['***'], 'X-A': ['1'] },
    },
    { appKey: 'k-new', appSecret: 's-new', headers: [{ name: 'authorization', value: 'Bearer t' }] },
  );
  assert.equal(req.app_key, 'k-new');
  assert.equal(req.app_secret, 's-new');
  assert.deepEqual(req.header, { Authorization: ['Bearer t'], 'X-A': ['1'] });
});
