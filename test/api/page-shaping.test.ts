// The per-page work of a list (pageFrom: normalise, then validate each record) has fast paths for
// what nearly every record is (well-typed fields, `…T02:00:00Z` timestamps); they must give what the
// full path gives, for the values that roll over or are refused too.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { normalizeApi, normalizeTimestamp, parseTimestamp } from '../../src/api/normalize.ts';
import { pageFrom } from '../../src/api/resource.ts';
import * as S from '../../src/api/schemas.ts';
import { conforms, validateRecord } from '../../src/api/validate.ts';

it('normalizeTimestamp gives what parsing gives, for every field at and beyond its range', () => {
  const p2 = (x: number) => String(x).padStart(2, '0');
  let checked = 0;
  for (const y of ['0000', '2023', '2024', '9999'])
    for (const mo of [0, 1, 2, 12, 13])
      for (const d of [0, 1, 28, 29, 30, 31, 32])
        for (const h of [0, 23, 24])
          for (const mi of [0, 59, 60])
            for (const s of [0, 59, 60])
              for (const frac of ['', '.123', '.5']) {
                const v = `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}${frac}Z`;
                assert.equal(normalizeTimestamp(v), parseTimestamp(v)?.toISOString() ?? v, v);
                checked++;
              }
  assert.ok(checked > 10_000);
  assert.equal(
    normalizeTimestamp('2024-02-30T00:00:00Z'),
    '2024-03-01T00:00:00.000Z',
    'rolls over as Date does',
  );
  assert.equal(normalizeTimestamp('2024-04-28T02:00:00Z'), '2024-04-28T02:00:00.000Z');
  assert.equal(normalizeTimestamp('not a time'), 'not a time');
});

it('pageFrom repairs a copy: the body it was given is left as it came', () => {
  const item = {
    id: 'a1',
    name: 'n',
    type: '1',
    cors: 'true',
    remark: null,
    register_time: '2024-04-28T02:00:00Z',
  };
  const body = { total: 1, size: 1, apis: [item] };
  const before = JSON.stringify(body);
  const page = pageFrom<Record<string, unknown>>(body, 'apis', S.apiSummary, normalizeApi, undefined);
  assert.equal(JSON.stringify(body), before);
  const [row] = page.items;
  assert.equal(row?.type, 1);
  assert.equal(row?.cors, true);
  assert.equal('remark' in (row ?? {}), false, 'null is absent');
  assert.equal(row?.register_time, '2024-04-28T02:00:00.000Z');
});

it('a field of the wrong type is still repaired or removed, with a warning, beside well-typed ones', () => {
  const body = {
    total: 2,
    size: 2,
    apis: [
      { id: 'a1', name: 'ok', status: 1, tags: ['x'] },
      { id: 'a2', name: { evil: 1 }, status: 'lots', auth_opt: [] },
    ],
  };
  const page = pageFrom<Record<string, unknown>>(body, 'apis', S.apiSummary, normalizeApi, undefined);
  assert.equal(page.items.length, 2);
  assert.deepEqual(page.items[0], { id: 'a1', name: 'ok', status: 1, tags: ['x'] });
  assert.equal(page.items[1]?.name, '{"evil":1}');
  assert.equal('status' in (page.items[1] ?? {}), false);
  assert.ok((page.warnings ?? []).length >= 2, JSON.stringify(page.warnings));
});

it('normalizeTimestamp gives what parsing gives for near-misses of the common forms', () => {
  for (const v of [
    '2024-04-28T02:00:00Z',
    '2024-04-28T02:00:00.000Z',
    '2024-04-28T02:00:00.1234Z',
    '2024-04-28T02:00:00.12Z',
    '2024-04-28 02:00:00Z',
    '2024-04-28T02:00:00',
    '2024-04-28T02:00:00+08:00',
    '2024-4-28T02:00:00Z',
    '2024-04-28T02:00:0aZ',
    '2024-04-28T02:00:00,000Z',
    '2024-04-28T02:00:00.00aZ',
    '2024/04/28T02:00:00Z',
    '2024-04-28t02:00:00Z',
    '2024-04-28T02:00:00z',
    '2O24-04-28T02:00:00Z',
    '+02024-04-28T02:00:00Z',
    '2024-04-28T02:00:00Z.866474185Z',
    '２０２４-04-28T02:00:00Z',
    '',
  ])
    assert.equal(normalizeTimestamp(v), parseTimestamp(v)?.toISOString() ?? v, v);
});

it('conforms holds exactly for the records validateRecord keeps as they are', () => {
  const base = {
    id: 'a1',
    name: 'n',
    type: 1,
    cors: true,
    tags: ['x'],
    auth_opt: { app_code_auth_type: 'DISABLE' },
    req_params: [{ id: 'p1', name: 'limit', required: 2 }],
  };
  const variants: Record<string, unknown>[] = [
    base,
    { id: 'a1', name: 'bare' },
    { ...base, extra: { anything: [1, null] } },
    { ...base, type: '1' },
    { ...base, type: Number.NaN },
    { ...base, cors: 'true' },
    { ...base, remark: null },
    { ...base, tags: ['x', 2] },
    { ...base, tags: 'x' },
    { ...base, auth_opt: [] },
    { ...base, auth_opt: null },
    { ...base, req_params: [{ id: 'p1', required: '2' }] },
    { ...base, req_params: [{ id: 'p1', name: null }] },
    { ...base, req_params: [null] },
    { ...base, req_params: {} },
    { name: 'no id' },
    { ...base, id: 7 },
  ];
  let held = 0;
  for (const v of variants) {
    const r = validateRecord(structuredClone(v), S.apiSummary, '$', true);
    const keptAsItIs = r.warnings.length === 0 && isDeepStrictEqual(r.record, v);
    assert.equal(conforms(v, S.apiSummary), keptAsItIs, JSON.stringify(v));
    if (keptAsItIs) held++;
  }
  assert.equal(held, 3);
  assert.equal(conforms(null, S.apiSummary), false);
  assert.equal(conforms([base], S.apiSummary), false);
});

it('pageFrom of an owned body gives the same rows, built from its own records', () => {
  const body = () => ({
    total: 3,
    size: 3,
    apis: [
      { id: 'a1', name: 'ok', register_time: '2024-04-28T02:00:00Z', auth_opt: { auth_code_auth_type: 'X' } },
      { id: 'a2', name: 'fine', tags: ['t'], auth_opt: { app_code_auth_type: 'DISABLE' } },
      { id: 'a3', name: { evil: 1 }, status: 'lots' },
    ],
  });
  const copied = pageFrom<Record<string, unknown>>(body(), 'apis', S.apiSummary, normalizeApi, undefined);
  const own = body();
  const owned = pageFrom<Record<string, unknown>>(own, 'apis', S.apiSummary, normalizeApi, undefined, true);
  assert.deepEqual(owned, copied);
  assert.equal(owned.items[1], own.apis[1], 'a record kept as it is is the body’s own object');
  assert.equal(owned.items[0]?.register_time, '2024-04-28T02:00:00.000Z');
  assert.deepEqual(owned.items[0]?.auth_opt, { auth_code_auth_type: 'X', app_code_auth_type: 'X' });
});
