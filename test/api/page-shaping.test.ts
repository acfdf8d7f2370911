// The per-page work of a list (pageFrom: normalise, then validate each record) has fast paths for
// what nearly every record is (well-typed fields, `…T02:00:00Z` timestamps); they must give what the
// full path gives, for the values that roll over or are refused too.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { normalizeApi, normalizeTimestamp, parseTimestamp } from '../../src/api/normalize.ts';
import { pageFrom } from '../../src/api/resource.ts';
import * as S from '../../src/api/schemas.ts';

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
