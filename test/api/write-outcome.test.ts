// A write whose answer cannot be read (a 2xx with a broken body, a reset, a timeout) may or may not have
// been applied: the client marks it `outcome: 'unknown'`, never hints at a retry and never resends it.
// A read with the same failure is an ordinary error; a write that surely never left (refused) is too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { hang, json, reset, startRawServer, text, type RawServer } from '../helpers/raw-server.ts';

let srv: RawServer;

function make(timeoutMs = 15_000, endpoint = srv.url): RomaClient {
  return createRomaClient({
    endpoint,
    projectId: 'p1',
    auth: akskProvider({ ak: 'TESTAKOUTCOME0000001', sk: 'test-secret-outcome', projectId: 'p1' }),
    sleep: async () => {},
    timeoutMs,
  });
}

const publish = (c: RomaClient) =>
  c.instance('i1').apis.action({ action: 'online', api_id: 'a1', env_id: 'e1' });

function unknownWrite(kind: string) {
  return (e: RomaError): boolean => {
    assert.equal(e.name, 'RomaError');
    assert.equal(e.kind, kind);
    assert.equal(e.outcome, 'unknown');
    assert.doesNotMatch(e.hint, /retry|try again/i, 'no blind retry is suggested');
    assert.match(e.hint, /may or may not have/i);
    assert.match(e.message, /outcome unknown/i);
    return true;
  };
}

before(async () => {
  srv = await startRawServer();
});
after(() => srv.close());

describe('writes whose answer cannot be read', () => {
  it('a 2xx with a truncated JSON body: outcome unknown, sent once', async () => {
    srv.respond(text(200, '{"publish_id":"9f3c","api_id":"a1","env_', 'application/json'));
    await assert.rejects(publish(make()), unknownWrite('malformed-json'));
    assert.equal(srv.requests.length, 1);
  });

  it('a 2xx of the wrong shape: outcome unknown', async () => {
    srv.respond(json(201, { api_id: ['not', 'a', 'string'] }));
    await assert.rejects(publish(make()), unknownWrite('shape'));
    assert.equal(srv.requests.length, 1);
  });

  it('a connection reset during a DELETE: outcome unknown, sent once', async () => {
    srv.respond(reset);
    await assert.rejects(make().instance('i1').signBindings.unbind('b1'), unknownWrite('reset'));
    assert.equal(srv.requests.length, 1);
  });

  it('no answer within the timeout during a PUT: outcome unknown', async () => {
    srv.respond(hang);
    await assert.rejects(make(2000).instance('i1').apis.switchVersion('a1', 'v1'), unknownWrite('timeout'));
    assert.equal(srv.requests.length, 1);
  });
});

describe('what stays an ordinary failure', () => {
  it('a read with a broken body is not an unknown outcome', async () => {
    srv.respond(text(200, '{"total":1,', 'application/json'));
    await assert.rejects(make().instance('i1').envs.list(), (e: RomaError) => {
      assert.equal(e.kind, 'malformed-json');
      assert.equal(e.outcome, undefined);
      return true;
    });
  });

  it('a write refused with a documented error is known to have failed', async () => {
    srv.respond(json(400, { error_code: 'APIG.3015', error_msg: 'The API is not published' }));
    await assert.rejects(publish(make()), (e: RomaError) => {
      assert.equal(e.kind, 'http');
      assert.equal(e.outcome, undefined);
      return true;
    });
  });

  it('a write that could not connect never left: not unknown', async () => {
    const gone = await startRawServer();
    const url = gone.url;
    await gone.close();
    await assert.rejects(publish(make(15_000, url)), (e: RomaError) => {
      assert.equal(e.kind, 'refused');
      assert.equal(e.outcome, undefined);
      return true;
    });
  });
});
