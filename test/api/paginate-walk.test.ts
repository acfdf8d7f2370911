// listAll's walk: the server's total is a hint (short pages end it), a failed page stops the other
// workers, a cancelled walk issues no further page, a server that caps the page size is followed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { listAll, type PageFetcher } from '../../src/api/paginate.ts';
import type { Page } from '../../src/api/types/common.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { json, startRawServer, type RawServer } from '../helpers/raw-server.ts';

let srv: RawServer;
before(async () => {
  srv = await startRawServer();
});
after(() => srv.close());

const env = (i: number) => ({ id: `e${i}`, name: `ENV_${i}` });
const envPage = (total: number, ...ids: number[]) =>
  json(200, { total, size: ids.length, envs: ids.map(env) });

function envsOf() {
  const c = createRomaClient({
    endpoint: srv.url,
    projectId: 'p1',
    auth: akskProvider({ ak: 'TESTAKPAGINATE000001', sk: 'paginate-secret-key' }),
  });
  return c.instance('i1').envs;
}

describe('listAll over HTTP', () => {
  it('an absurd total ends at the first short page', { timeout: 10_000 }, async () => {
    srv.respond(envPage(1e300, 1, 2), envPage(1e300, 3));
    const all = await envsOf().listAll({}, { pageSize: 2, concurrency: 1 });
    assert.deepEqual(
      all.map((e) => e.id),
      ['e1', 'e2', 'e3'],
    );
    assert.equal(srv.requests.length, 2);
  });
  it('a total that shrank meanwhile: the short page ends the walk', async () => {
    srv.respond(envPage(7, 1, 2), envPage(3, 3), envPage(3));
    const all = await envsOf().listAll({}, { pageSize: 2, concurrency: 1 });
    assert.equal(all.length, 3);
    assert.equal(srv.requests.length, 2);
    assert.match(srv.requests[1]?.url ?? '', /offset=2&limit=2|limit=2&offset=2/);
  });
});

/** A page source that answers on the next turn of the event loop and records the offsets asked for. */
function source(
  total: number,
  opts: { failAt?: number; cap?: number; onAsk?: (offset: number) => void } = {},
) {
  const asked: number[] = [];
  const fetch: PageFetcher<number> = async (offset, limit) => {
    asked.push(offset);
    opts.onAsk?.(offset);
    await new Promise((r) => setImmediate(r));
    if (offset === opts.failAt) throw new Error('page failed');
    const n = Math.max(0, Math.min(opts.cap ?? limit, limit, total - offset));
    const items = Array.from({ length: n }, (_, i) => offset + i);
    return { items, total, size: n, offset } satisfies Page<number>;
  };
  return { asked, fetch };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('listAll workers', () => {
  it('a failed page stops the other workers', async () => {
    const s = source(100, { failAt: 10 });
    await assert.rejects(listAll(s.fetch, { pageSize: 10, concurrency: 2 }), /page failed/);
    await turns(20);
    // page 0, then pages 1 and 2 together; page 1 fails, the worker on page 2 takes no further page.
    assert.deepEqual(s.asked, [0, 10, 20]);
  });
  it('a cancelled walk issues no further page', async () => {
    const ctl = new AbortController();
    const s = source(100, { onAsk: (off) => off === 30 && ctl.abort() });
    await assert.rejects(
      listAll(s.fetch, { pageSize: 10, concurrency: 1, signal: ctl.signal }),
      (e: RomaError) => e.kind === 'aborted',
    );
    await turns(20);
    assert.deepEqual(s.asked, [0, 10, 20, 30]);
  });
  it('follows a server that serves fewer rows than asked for, at its own step', async () => {
    const s = source(25, { cap: 10 });
    const all = await listAll(s.fetch, { pageSize: 500, concurrency: 4 });
    assert.deepEqual(
      all,
      Array.from({ length: 25 }, (_, i) => i),
    );
    assert.deepEqual(s.asked, [0, 10, 20]);
  });
});
