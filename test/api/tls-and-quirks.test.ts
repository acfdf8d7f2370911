// TLS verification (on by default, off with --insecure) over real HTTPS, and the quirk normalisers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { normalizeAuthorizer, parseTimestamp } from '../../src/api/normalize.ts';
import { tokenProvider } from '../../src/auth/providers.ts';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('TLS', { skip: !hasOpenssl && 'openssl not available' }, () => {
  it('rejects a self-signed certificate unless insecure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roma-tls-'));
    try {
      const r = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ]);
      assert.equal(r.status, 0);
      const server = createServer(
        { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) },
        (_q, res) => {
          res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(JSON.stringify({ total: 0, size: 0, envs: [] }));
        },
      );
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const make = (insecure: boolean) =>
        createRomaClient({ endpoint, projectId: 'p', auth: tokenProvider('token-value'), insecure }).instance(
          'i',
        );
      await assert.rejects(
        make(false).envs.list(),
        (e: RomaError) => e.kind === 'tls' && /--insecure/.test(e.hint),
      );
      assert.equal((await make(true).envs.list()).total, 0);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('normalisation', () => {
  it('parses timestamps with 0, 6 and 9 fraction digits and rejects malformed ones', () => {
    assert.equal(parseTimestamp('2020-07-31T06:55:55Z')?.toISOString(), '2020-07-31T06:55:55.000Z');
    assert.equal(parseTimestamp('2020-06-24T15:29:42.421926Z')?.toISOString(), '2020-06-24T15:29:42.421Z');
    assert.equal(parseTimestamp('2020-07-31T06:55:55.383169299Z')?.toISOString(), '2020-07-31T06:55:55.383Z');
    // 4.2.2's misplaced zone letter is recovered; a 5-digit year (4.18.1) is not guessed at.
    assert.equal(
      parseTimestamp('2020-07-31T06:55:55Z.866474185Z')?.toISOString(),
      '2020-07-31T06:55:55.866Z',
    );
    assert.equal(parseTimestamp('22020-08-04T04:02:22.482227344Z'), undefined);
    assert.equal(parseTimestamp(1596177355)?.toISOString(), '2020-07-31T06:35:55.000Z');
  });
  it('authorizer cache time ttn/ttd → ttl', () => {
    assert.equal(normalizeAuthorizer({ ttn: 5 }).ttl, 5);
    assert.equal(normalizeAuthorizer({ ttd: 9 }).ttl, 9);
  });
});
