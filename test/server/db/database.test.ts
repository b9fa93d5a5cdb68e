import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { migrate, openDatabase, OverloadedError, type Database } from '../../../server/db/index.ts';
import { openTestDatabase } from '../../../server/seed/testing.ts';

const backends: { name: string; url: string | null }[] = [{ name: 'PGlite', url: null }];
if (process.env.DATABASE_URL) backends.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

for (const backend of backends) {
  describe(`database on ${backend.name}`, () => {
    let db: Database;
    before(async () => {
      db = await openTestDatabase({ url: backend.url });
    });
    after(async () => {
      await db.close();
    });

    test('migrations are recorded once and re-running applies nothing', async () => {
      const { rows } = await db.query<{ name: string }>('select name from schema_migrations order by name');
      const files = (await readdir(new URL('../../../server/db/migrations/', import.meta.url))).filter((f) => f.endsWith('.sql')).sort();
      assert.ok(files.length >= 2);
      assert.deepEqual(
        rows.map((r) => r.name),
        files,
      );
      assert.deepEqual(await migrate(db), []);
    });

    test('returns the same JS types on both back ends', async () => {
      const { rows } = await db.query(
        `select 9007199254740993::bigint as big, 1.25::numeric as num, 7::int as small, true as flag,
                now() as at, '{1,2}'::bigint[] as ids, '{"a":[1]}'::jsonb as doc, array['x','y'] as tags`,
      );
      const row = rows[0] ?? {};
      assert.equal(row.big, '9007199254740993');
      assert.equal(row.num, '1.25');
      assert.equal(row.small, 7);
      assert.equal(row.flag, true);
      assert.ok(row.at instanceof Date);
      assert.deepEqual(row.ids, ['1', '2']);
      assert.deepEqual(row.doc, { a: [1] });
      assert.deepEqual(row.tags, ['x', 'y']);
    });

    test('a failing transaction rolls back', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("insert into skills (slug, labels) values ('rollback-probe', '{}'::jsonb)");
          throw new Error('boom');
        }),
        /boom/,
      );
      const { rows } = await db.query("select count(*)::int as n from skills where slug = 'rollback-probe'");
      assert.equal(rows[0]?.n, 0);
    });

    test('notifications reach listeners until they unlisten', async () => {
      const received: string[] = [];
      let arrive = (): void => undefined;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      // listen() resolves once LISTEN has run on the listening connection, so NOTIFY cannot overtake it.
      const stop = await db.listen('grove_test_channel', (payload) => {
        received.push(payload);
        arrive();
      });
      await db.notify('grove_test_channel', '{"thread":"1"}');
      await arrived;
      assert.deepEqual(received, ['{"thread":"1"}']);
      await stop();
      // Notifications arrive in commit order: once a marker sent after it is here, 'after' would be too.
      let markerArrived = (): void => undefined;
      const marker = new Promise<void>((resolve) => (markerArrived = resolve));
      const stopMarker = await db.listen('grove_test_marker', () => markerArrived());
      await db.notify('grove_test_channel', 'after');
      await db.notify('grove_test_marker', 'done');
      await marker;
      await stopMarker();
      assert.deepEqual(received, ['{"thread":"1"}'], 'no payload after unlisten');
    });

    test("counts a statement as this process's write unless it serves a read-only request", async () => {
      await db.query('select 1');
      const wrote = db.lastWriteAt();
      assert.ok(wrote > -Infinity && wrote <= performance.now());
      await db.withRequest({ readOnly: true }, () => db.query('select 2'));
      assert.equal(db.lastWriteAt(), wrote, 'a GET request does not move it');
      let during = 0;
      await db.transaction(async (tx) => {
        during = db.lastWriteAt();
        await tx.query('select 3');
      });
      assert.equal(during, Infinity, 'a transaction under way is a write in progress');
      assert.ok(db.lastWriteAt() > wrote);
    });

    if (backend.url)
      test('compiles no statement just in time (its compilation cost more than the ranking it served)', async () => {
        const { rows } = await db.query<{ jit: string }>("select current_setting('jit') as jit");
        assert.equal(rows[0]?.jit, 'off');
      });

    test('rejects channel names that are not plain identifiers', async () => {
      await assert.rejects(db.notify('bad; drop table members', 'x'), TypeError);
    });
  });
}

/** Starts a transaction that holds the only PGlite slot until `release` is called. */
async function holdSlot(db: Database): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void;
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const done = db.transaction(async () => {
    entered();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await inside;
  return { release, done };
}

describe('bounded queue on PGlite', () => {
  test('refuses work at once with OverloadedError when the queue is full', async () => {
    const db = await openDatabase({ queueLimit: 2 });
    try {
      const held = await holdSlot(db);
      const waiting = [asRequest(db, 'select 1'), asRequest(db, 'select 2')];
      const started = performance.now();
      const refused = await asRequest(db, 'select 3').then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(refused instanceof OverloadedError, 'third waiter is refused');
      assert.equal(refused.retryAfterSeconds, 1);
      assert.ok(performance.now() - started < 50, 'refused without waiting');
      held.release();
      await held.done;
      const results = await Promise.all(waiting);
      assert.deepEqual(
        results.map((r) => Object.values(r.rows[0] ?? {})[0]),
        [1, 2],
        'queued queries still run, in order',
      );
    } finally {
      await db.close();
    }
  });

  test('a waiter that waits too long is refused instead of hanging', async () => {
    const db = await openDatabase({ queueTimeoutMs: 50 });
    try {
      const held = await holdSlot(db);
      await assert.rejects(asRequest(db, 'select 1'), OverloadedError);
      held.release();
      await held.done;
    } finally {
      await db.close();
    }
  });

  test('background work a request started (a cache refresh nobody waits for) waits its turn instead of being refused', async () => {
    const db = await openDatabase({ queueTimeoutMs: 50, queueLimit: 1 });
    try {
      const held = await holdSlot(db);
      const refresh = db.withRequest({ readOnly: true, background: true }, () => db.query<{ n: number }>('select 1 as n'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await assert.rejects(asRequest(db, 'select 2'), OverloadedError, 'a request is still refused');
      held.release();
      await held.done;
      assert.equal((await refresh).rows[0]?.n, 1);
    } finally {
      await db.close();
    }
  });

  test('work outside any request waits its turn instead of being refused', async () => {
    const db = await openDatabase({ queueTimeoutMs: 50, queueLimit: 1 });
    try {
      const held = await holdSlot(db);
      // Past both the wait budget and the queue limit: a request would be refused, start-up work is not.
      const background = [db.query('select 1 as n'), db.query('select 2 as n')];
      await new Promise((resolve) => setTimeout(resolve, 100));
      await assert.rejects(asRequest(db, 'select 3'), OverloadedError);
      held.release();
      await held.done;
      const results = await Promise.all(background);
      assert.deepEqual(
        results.map((r) => r.rows[0]?.n),
        [1, 2],
      );
    } finally {
      await db.close();
    }
  });
});

/** A query made while serving a request (the admission budget applies to those only). */
function asRequest(db: Database, sql: string) {
  return db.withRequest({}, () => db.query(sql));
}
