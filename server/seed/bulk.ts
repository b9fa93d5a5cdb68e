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

export interface BulkLoad {
  /** Whether triggers and foreign-key checks are off during the load. */
  replica: boolean;
  /** Rebuilds what triggers maintain, builds the dropped indexes, gathers statistics. */
  finish(progress: (phase: string, done: number, total: number) => void): Promise<void>;
}

export async function startBulkLoad(db: Database): Promise<BulkLoad> {
  const { rows: roles } = await db.query<{ superuser: boolean }>(`select rolsuper as superuser from pg_roles where rolname = current_user`);
  const replica = roles[0]?.superuser ?? false;
  // Indexes that no constraint owns (primary keys and unique constraints stay: they guard the load).
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename <> 'schema_migrations'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = (select oid from pg_namespace where nspname = current_schema()))`,
  );
  for (const index of indexes) await db.exec(`drop index ${index.name}`);
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
      // The rebuilds read through the loaded tables' indexes; the read model's own tables are filled
      // by the rebuild, so their indexes come after it. Two statements at a time: the machine has two
      // cores and one is otherwise idle while an index builds.
      const readModel =
        /^create (unique )?index \S+ on (\S+\.)?(member_tokens|directory_member_facets|directory_facet_counts|expert_standing) /i;
      const before = indexes.filter((index) => !readModel.test(index.definition));
      const after = indexes.filter((index) => readModel.test(index.definition));
      let built = 0;
      const inParallel = async (tasks: (() => Promise<void>)[]) => {
        let next = 0;
        const lane = async () => {
          while (next < tasks.length) await tasks[next++]?.();
        };
        // PGlite runs one statement at a time: a second lane would only wait for its slot.
        await Promise.all(db.kind === 'pglite' ? [lane()] : [lane(), lane()]);
      };
      const build = (index: (typeof indexes)[number]) => async () => {
        await run(index.definition);
        progress('indexes', ++built, indexes.length);
      };
      const rebuild = (phase: string, sql: string) => async () => {
        const started = performance.now();
        await run(sql);
        progress(`${phase} (${Math.round(performance.now() - started)} ms)`, 1, 1);
      };
      await inParallel(before.map(build));
      await inParallel([
        // The closing updates ran without threads_accepted_author (migration 013).
        rebuild('accepted answers', 'update threads t set accepted_author_id = p.author_id from posts p where p.id = t.accepted_post_id'),
        rebuild('participation', 'select grove_rebuild_participation()'),
        rebuild('directory', 'select grove_rebuild_directory()'),
        rebuild('experts', 'select grove_rebuild_expert_standing()'),
        rebuild('hot paths', 'select grove_rebuild_hot_paths()'),
      ]);
      await inParallel(after.map(build));
      // Statistics for the planner and the visibility map for index-only scans.
      await db.exec('vacuum analyze');
    },
  };
}
