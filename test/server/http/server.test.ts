import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startServer } from '../../../server/index.ts';
import { testDatabase } from './harness.ts';

after(async () => (await testDatabase()).close());

test('startServer serves the API, the demo page and hashed CDN files, and closes with a stream open', async () => {
  const root = await mkdtemp(join(tmpdir(), 'grove-static-'));
  await mkdir(join(root, 'demo'));
  await mkdir(join(root, 'cdn'));
  await writeFile(join(root, 'demo', 'index.html'), '<!doctype html><title>Grove demo</title>');
  await writeFile(join(root, 'cdn', 'grove-Ab12Cd34.js'), 'export {};');
  const server = await startServer({
    port: 0,
    database: await testDatabase(),
    log: null,
    staticRoots: { demo: join(root, 'demo'), cdn: join(root, 'cdn'), storybook: join(root, 'missing') },
  });
  try {
    assert.equal(((await (await fetch(`${server.url}/api/health`)).json()) as { status: string }).status, 'ok');
    assert.match(await (await fetch(`${server.url}/`)).text(), /Grove demo/);
    const asset = await fetch(`${server.url}/cdn/grove-Ab12Cd34.js`);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const stream = await fetch(`${server.url}/api/v1/communities/water/stream`);
    assert.equal(stream.status, 200);
  } finally {
    await server.close();
  }
});
