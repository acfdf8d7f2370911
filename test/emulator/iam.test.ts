import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIamService, formatIamTime } from '../../src/emulator/iam.ts';

const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';

function setup(ttlMs?: number) {
  let now = Date.UTC(2020, 0, 3, 9, 5, 22, 701);
  const iam = createIamService({
    user: 'demo-user',
    password: 'demo-Passw0rd!',
    domain: 'demo-account',
    projectId: PROJECT_ID,
    projectName: 'cn-north-4',
    nowMs: () => now,
    ...(ttlMs !== undefined ? { ttlMs } : {}),
  });
  return { iam, advance: (ms: number) => (now += ms) };
}

function body(
  over: { user?: string; password?: string; domain?: string; project?: Record<string, string> } = {},
) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: over.user ?? 'demo-user',
            password: over.password ?? 'demo-Passw0rd!',
            domain: { name: over.domain ?? 'demo-account' },
          },
        },
      },
      scope: { project: over.project ?? { id: PROJECT_ID } },
    },
  };
}

const q = new URLSearchParams('nocatalog=true');

test('password + project id: 201, X-Subject-Token, Keystone-shaped body, 24 h expiry', () => {
  const { iam } = setup();
  const r = iam.handleTokenRequest(body(), q);
  assert.equal(r.status, 201);
  const token = r.headers['X-Subject-Token'];
  assert.ok(token && token.length > 40);
  const t = (r.body as { token: Record<string, unknown> }).token;
  assert.equal(t['issued_at'], '2020-01-03T09:05:22.701000Z');
  assert.equal(t['expires_at'], '2020-01-04T09:05:22.701000Z');
  assert.deepEqual(t['methods'], ['password']);
  assert.equal((t['project'] as { id: string }).id, PROJECT_ID);
  assert.equal((t['user'] as { name: string }).name, 'demo-user');
  assert.equal(t['catalog'], undefined, 'nocatalog=true leaves the catalog out');
  assert.ok(!JSON.stringify(r.body).includes('demo-Passw0rd!'));
  assert.equal(iam.isValidToken(token), true);
  assert.equal(iam.isValidToken(token + 'x'), false);
});

test('project scope by name works; a second token differs from the first', () => {
  const { iam } = setup();
  const a = iam.handleTokenRequest(body({ project: { name: 'cn-north-4' } }), new URLSearchParams());
  const b = iam.handleTokenRequest(body(), q);
  assert.equal(a.status, 201);
  assert.ok(Array.isArray((a.body as { token: { catalog: unknown } }).token.catalog));
  assert.notEqual(a.headers['X-Subject-Token'], b.headers['X-Subject-Token']);
});

test('wrong user, password, domain or project: 401 with IAM error shape', () => {
  const { iam } = setup();
  type Over = Parameters<typeof body>[0];
  const overs: Over[] = [
    { user: 'someone' },
    { password: 'nope' },
    { domain: 'other-account' },
    { project: { id: 'ffffffffffffffffffffffffffffffff' } },
    { project: { name: 'eu-west-0' } },
  ];
  for (const over of overs) {
    const r = iam.handleTokenRequest(body(over), q);
    assert.equal(r.status, 401, JSON.stringify(over));
    const b = r.body as {
      error: { code: number; title: string; message: string };
      error_code: string;
      error_msg: string;
    };
    assert.equal(b.error.code, 401);
    assert.equal(b.error.title, 'Unauthorized');
    assert.equal(b.error_code, 'IAM.0001');
    assert.equal(r.headers['X-Subject-Token'], undefined);
  }
});

test('malformed bodies: 400, never a crash', () => {
  const { iam } = setup();
  const cases: unknown[] = [
    null,
    'text',
    [],
    {},
    { auth: {} },
    { auth: { identity: { methods: ['token'] }, scope: { project: { id: PROJECT_ID } } } },
    { auth: { identity: { methods: 'password' } } },
    { auth: { identity: { methods: ['password'], password: { user: { name: 'demo-user' } } } } },
    { auth: { ...body().auth, scope: { domain: { name: 'demo-account' } } } },
    { auth: { ...body().auth, scope: undefined } },
  ];
  for (const c of cases) {
    const r = iam.handleTokenRequest(c, q);
    assert.equal(r.status, 400, JSON.stringify(c));
    const b = r.body as { error: { code: number; title: string }; error_code: string };
    assert.equal(b.error.code, 400);
    assert.equal(b.error.title, 'Bad Request');
    assert.equal(b.error_code, 'IAM.0007');
  }
});

test('tokens expire after the TTL and expireAll revokes every token', () => {
  const { iam, advance } = setup(60_000);
  const t1 = iam.handleTokenRequest(body(), q).headers['X-Subject-Token']!;
  const t2 = iam.issueStaticToken();
  advance(59_000);
  assert.equal(iam.isValidToken(t1), true);
  advance(1_000);
  assert.equal(iam.isValidToken(t1), false);
  const t3 = iam.issueStaticToken();
  assert.equal(iam.isValidToken(t3), true);
  iam.expireAll();
  assert.equal(iam.isValidToken(t2), false);
  assert.equal(iam.isValidToken(t3), false);
});

test('formatIamTime prints microseconds like Huawei IAM', () => {
  assert.equal(formatIamTime(Date.UTC(2019, 1, 13, 6, 52, 13, 855)), '2019-02-13T06:52:13.855000Z');
});
