/**
 * Bulk loading (docs/decisions/seed-generator.md): a network is loaded without the work that makes
 * single writes correct and reads fast, and that work is then done once, set-based.
 *
 * - Secondary indexes are dropped before the load and built after it: building a GIN index over 2.3
 *   million posts once is minutes; keeping it current row by row was most of the time of an x100 seed.
 * - Foreign-key checks and triggers are off while loading (`session_replication_role = replica`, which
 *   needs a superuser; without one the load keeps them, slower). The generator writes consistent rows,
 *   and what the triggers maintain (participation buckets, the directory's read model) is rebuilt after.
 */
import type { Database } from '../db/index.ts';
import { PARTICIPATION_ACHIEVEMENTS_SQL, PARTICIPATION_LEVELS_SQL } from './rebuild.ts';

/** Statements run at once on PostgreSQL after the load (index builds, rebuilds, vacuum). */
const LANES = 3;

/** Rough cost of building an index, to start the long ones first: GIN over text, then wide tables. */
function indexWeight(definition: string): number {
  const table = /\son\s+(?:\S+\.)?(\S+)/i.exec(definition)?.[1] ?? '';
  const size = { participation_facts: 4, posts: 3, rsvps: 3, members: 2, member_skills: 2, contact_channels: 2 }[table] ?? 1;
  return size * (/using gin/i.test(definition) ? 3 : 1);
}

export interface BulkLoad {
  /** Whether triggers and foreign-key checks are off during the load. */
  replica: boolean;
  /** Rebuilds what triggers maintain, builds the dropped indexes, gathers statistics. */
  finish(progress: (phase: string, done: number, total: number) => void): Promise<void>;
}

export async function startBulkLoad(db: Database, loaded: readonly string[]): Promise<BulkLoad> {
  const { rows: roles } = await db.query<{ superuser: boolean }>(`select rolsuper as superuser from pg_roles where rolname = current_user`);
  const replica = roles[0]?.superuser ?? false;
  // Indexes that no constraint owns (primary keys and unique constraints stay: they guard the load).
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename <> 'schema_migrations'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = (select oid from pg_namespace where nspname = current_schema()))`,
  );
  for (const index of indexes) await db.exec(`drop index ${index.name}`);
  // Keys of the loaded tables that no foreign key references: built once from the sorted rows after the
  // load instead of entry by entry (most of the 28 million rows of x100 are in such tables: participation
  // facts, RSVPs, skills and memberships). Re-adding them checks uniqueness, so a duplicate still fails the seed.
  const { rows: keys } = await db.query<{ table: string; name: string; definition: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.contype in ('p', 'u') and c.connamespace = (select oid from pg_namespace where nspname = current_schema())
       and c.conrelid::regclass::text = any($1::text[])
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)
     order by 1, 2`,
    [loaded],
  );
  for (const key of keys) await db.exec(`alter table ${key.table} drop constraint ${key.name}`);
  return {
    replica,
    async finish(progress) {
      // Set-based statements over consistent, freshly loaded rows: no foreign-key checks (they were a
      // row-by-row probe per bucket, most of the participation rebuild's time).
      const replicaSql = replica ? 'set local session_replication_role = replica; ' : '';
      const run = (sql: string) =>
        db.transaction(async (tx) => {
          await tx.exec(
            `set local statement_timeout = 0; set local maintenance_work_mem = '512MB'; set local work_mem = '256MB'; ${replicaSql}${sql}`,
          );
        });
      // The rebuilds read through the loaded tables' indexes; the read models' own tables are filled
      // by the rebuilds, so their indexes come after them. Several statements at a time, each on its
      // own connection: a machine shared with other work gives each runnable process its share.
      const readModel =
        /^create (unique )?index \S+ on (\S+\.)?(member_tokens|directory_words|directory_skill_holders|directory_member_facets|directory_facet_counts|expert_standing|participation_monthly|participation_standing|participation_achievements) /i;
      const before = indexes.filter((index) => !readModel.test(index.definition));
      const after = indexes.filter((index) => readModel.test(index.definition));
      let built = 0;
      const total = indexes.length + keys.length;
      const inParallel = async (tasks: (() => Promise<void>)[]) => {
        let next = 0;
        const lane = async () => {
          while (next < tasks.length) await tasks[next++]?.();
        };
        // PGlite runs one statement at a time: a second lane would only wait for its slot.
        await Promise.all(Array.from({ length: db.kind === 'pglite' ? 1 : LANES }, lane));
      };
      const build = (index: (typeof indexes)[number]) => async () => {
        await run(index.definition);
        progress('indexes', ++built, total);
      };
      const rebuild = (phase: string, sql: string) => async () => {
        const started = performance.now();
        await run(sql);
        progress(`${phase} (${Math.round(performance.now() - started)} ms)`, 1, 1);
      };
      const restore = (key: (typeof keys)[number]) => async () => {
        await run(`alter table ${key.table} add constraint ${key.name} ${key.definition}`);
        progress('indexes', ++built, total);
      };
      // Largest first, so that no long statement starts last.
      await inParallel(
        [
          ...keys.map((key) => ({ weight: indexWeight(` on ${key.table}`), task: restore(key) })),
          ...before.map((index) => ({ weight: indexWeight(index.definition), task: build(index) })),
        ]
          .sort((a, b) => b.weight - a.weight)
          .map(({ task }) => task),
      );
      await inParallel([
        // The closing updates ran without threads_accepted_author (migration 013).
        rebuild('accepted answers', 'update threads t set accepted_author_id = p.author_id from posts p where p.id = t.accepted_post_id'),
        rebuild('directory listed', 'select grove_rebuild_directory_listed()'),
      ]);
      // What grove_rebuild_participation(), grove_rebuild_directory() and grove_rebuild_expert_standing()
      // produce, in independent parts (rebuild.ts).
      await inParallel([
        rebuild('participation levels', PARTICIPATION_LEVELS_SQL),
        rebuild(
          'directory facets',
          "select grove_rebuild_directory_facets(); update directory_generation set value = value + 1; select pg_notify('grove_directory', '')",
        ),
        rebuild(
          'directory tokens',
          'select grove_rebuild_directory_tokens(); select grove_rebuild_prefix_counts(); select grove_rebuild_directory_words()',
        ),
        rebuild('skill holders', 'select grove_rebuild_skill_holders()'),
        rebuild('experts', 'select grove_rebuild_expert_standing()'),
        rebuild('participation achievements', PARTICIPATION_ACHIEVEMENTS_SQL),
        rebuild('hot paths', 'select grove_rebuild_hot_paths()'),
      ]);
      await inParallel(after.map(build));
      // Statistics for the planner and the visibility map for index-only scans, table by table.
      const { rows: tables } = await db.query<{ name: string }>(
        `select c.relname as name from pg_class c where c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
           and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
      );
      let vacuumed = 0;
      await inParallel(
        tables.map(({ name }) => async () => {
          await db.exec(`vacuum analyze ${name}`);
          progress('vacuum', ++vacuumed, tables.length);
        }),
      );
    },
  };
}
