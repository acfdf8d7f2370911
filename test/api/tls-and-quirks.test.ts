// TLS verification (on by default, off with --insecure) over real HTTPS, and the quirk normalisers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { normalizeAuthorizer, parseTimestamp } from '../../src/api/normalize.ts';
import { tokenProvider } from '../../src/auth/providers.ts';

// A committed self-signed certificate for 127.0.0.1 (test/fixtures/tls): no openssl needed, never skipped.
const FIXTURES = new URL('../fixtures/tls/', import.meta.url);

describe('TLS', () => {
  it('rejects a self-signed certificate unless insecure', async () => {
    const server = createServer(
      {
        key: readFileSync(new URL('self-signed.key.pem', FIXTURES)),
        cert: readFileSync(new URL('self-signed.cert.pem', FIXTURES)),
      },
      (_q, res) => {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ total: 0, size: 0, envs: [] }));
      },
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
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
    } finally {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
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
