/**
 * URLs members write and others open: one rule (server/shared/urls.ts), avatars served through the
 * server from a real HTTP origin on this machine, and the security headers of every kind of response.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../server/http/app.ts';
import { isInternalAddress, sniffImage } from '../../../server/members/avatars.ts';
import { safeLink } from '../../../server/shared/urls.ts';
import { assertProblem, call, setup, testConfig, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let images: Server;
let imageHost = '';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
let served = 0;

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  images = createServer((req, res) => {
    served++;
    if (req.url === '/face.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/svg.png') res.writeHead(200, { 'content-type': 'image/png' }).end('<svg onload="alert(1)"/>');
    else if (req.url === '/huge.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(600_000)]));
    else if (req.url === '/moved') res.writeHead(302, { location: '/face.png' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageHost = `127.0.0.1:${(images.address() as AddressInfo).port}`;
});
after(async () => {
  images.close();
  await (await testDatabase()).close();
});

describe('the URL rule', () => {
  test('keeps absolute http(s) links and refuses every other scheme and obfuscation', () => {
    assert.equal(safeLink('https://meet.example.org/x?a=1'), 'https://meet.example.org/x?a=1');
    assert.equal(safeLink('HTTP://Example.org'), 'http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:msgbox(1)',
      '&#x6A;avascript:alert(1)',
      '//evil.example/x',
      '/relative',
      'https://bank.example@evil.example/',
      'https://ex ample.org',
      'https://example.org/\u2028',
      'mailto:a@example.org',
    ])
      assert.equal(safeLink(bad), null, JSON.stringify(bad));
    assert.equal(safeLink('mailto:a@example.org', ['mailto:']), 'mailto:a@example.org');
  });

  test('a join link stored before the rule is served as no link at all', async () => {
    await ctx.db.query("update events set join_url = 'javascript:alert(document.domain)', mode = 'online' where id = $1", [f.event]);
    const event = await call(ctx.grove, `/api/v1/events/${f.event}`);
    assert.equal(event.status, 200, event.text);
    assert.equal(event.json?.joinUrl, null);
    const ics = await call(ctx.grove, `/api/v1/events/${f.event}.ics`);
    assert.doesNotMatch(ics.text, /javascript:/i);
  });

  test('a website channel that is not a safe URL is left out of the profile', async () => {
    await ctx.db.query(
      "insert into contact_channels (member_id, kind, value, visibility, position) values ($1, 'website', 'javascript:alert(1)', 'public', 9)",
      [f.member],
    );
    const profile = await call(ctx.grove, `/api/v1/members/${f.member}`);
    const values = (profile.json?.contacts as { value: string }[]).map((c) => c.value);
    assert.ok(values.includes('https://emile.example.org/'));
    assert.ok(!values.some((v) => v.startsWith('javascript')), values.join(', '));
  });
});

describe('avatars through the server', () => {
  const withHosts = (hosts: string[]) => createApp({ db: ctx.db, config: testConfig({ avatarHosts: hosts }) });
  const avatarOf = async (memberId: string, source: string) => {
    await ctx.db.query('update members set avatar_url = $2 where id = $1', [memberId, source]);
    const profile = await call(ctx.grove, `/api/v1/members/${memberId}`);
    return String(profile.json?.avatarUrl);
  };

  test('the API gives the proxy path, and the image comes from this server, checked and cached', async () => {
    const path = await avatarOf(f.member, `http://${imageHost}/face.png`);
    assert.match(path, new RegExp(`^/api/v1/members/${f.member}/avatar\\?v=[0-9a-f]{16}$`));
    const app = withHosts([imageHost]);
    const before = served;
    const first = await app.app.request(path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'image/png');
    assert.equal(first.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.deepEqual(Buffer.from(await first.arrayBuffer()), PNG);
    assert.equal((await app.app.request(path)).status, 200);
    assert.equal(served - before, 1, 'the second view came from the cache');
    assert.equal((await app.app.request(path.replace(/v=\w+/, 'v=0000000000000000'))).status, 404, 'another version is not served');
  });

  test('an internal address is never fetched unless the operator lists the host', async () => {
    const path = await avatarOf(f.facilitator, `http://${imageHost}/moved`);
    const before = served;
    assertProblem(await call(withHosts([]), path), 404);
    assert.equal(served, before, 'no request reached the internal address');
    // The refusal is remembered for an hour; the operator's new setting applies once it is forgotten.
    await ctx.db.query('delete from avatar_images where member_id = $1', [f.facilitator]);
    assert.equal((await withHosts([imageHost]).app.request(path)).status, 200, 'listed, and the redirect followed');
    assert.ok(isInternalAddress('10.1.2.3') && isInternalAddress('::ffff:127.0.0.1') && isInternalAddress('fd00::1'));
    assert.ok(!isInternalAddress('93.184.216.34'));
  });

  test('what is not a small PNG, JPEG, GIF or WebP is refused whatever its Content-Type', async () => {
    assert.equal(sniffImage(new Uint8Array(PNG)), 'image/png');
    for (const name of ['svg.png', 'huge.png']) {
      const path = await avatarOf(f.outsider, `http://${imageHost}/${name}`);
      assertProblem(await call(withHosts([imageHost]), path), 404);
    }
  });

  test('an opted-out member has no avatar to fetch', async () => {
    const path = await avatarOf(f.optedOut, `http://${imageHost}/face.png`);
    assert.equal(path, 'undefined', 'not visible at all');
    const { rows } = await ctx.db.query<{ path: string }>('select grove_avatar_path(id, avatar_url) as path from members where id = $1', [
      f.optedOut,
    ]);
    assertProblem(await call(withHosts([imageHost]), rows[0]?.path ?? ''), 404);
  });
});

describe('security headers', () => {
  test('API, CDN and page responses each carry theirs', async () => {
    const api = await call(ctx.grove, '/api/health');
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(api.headers.get('referrer-policy'), 'no-referrer');
    assert.match(api.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(api.headers.get('cross-origin-resource-policy'), null, 'the API is read cross-origin under CORS');
    const missing = await call(ctx.grove, '/api/v1/nothing-here');
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff', 'errors too');
    const page = await call(ctx.grove, '/index.html');
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(page.headers.get('cross-origin-resource-policy'), 'same-origin');
  });
});
