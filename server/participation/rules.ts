/**
 * The participation rules (window, points per fact kind, level thresholds, achievements), read from the
 * `participation_rules` tables of migration 005 so operators change them with SQL, not a redeploy.
 */
import type { Queryable } from '../db/index.ts';
import { LEVELS } from '../contract/participation.ts';

export type Level = (typeof LEVELS)[number];

export interface Rules {
  windowMonths: number;
  weights: Record<string, number>;
  thresholds: { occasional: number; active: number; core: number };
  achievements: { id: string; kinds: string[]; threshold: number; counts: 'facts' | 'askers' }[];
}

/** One round trip: every badge and profile request reads the rules. */
export async function loadRules(db: Queryable): Promise<Rules> {
  const { rows } = await db.query<{
    window_months: number;
    weights: Record<string, number>;
    occasional: number;
    active: number;
    core: number;
    achievements: Rules['achievements'];
  }>(
    `select r.window_months, r.weights, r.occasional, r.active, r.core,
            (select coalesce(json_agg(json_build_object('id', a.achievement, 'kinds', a.kinds, 'threshold', a.threshold, 'counts', a.counts)
                                      order by a.threshold, a.achievement), '[]')
             from participation_achievement_rules a) as achievements
     from participation_rules r`,
  );
  const row = rows[0];
  if (!row) throw new Error('participation_rules is empty: migration 005 inserts its one row');
  return {
    windowMonths: row.window_months,
    weights: row.weights,
    thresholds: { occasional: row.occasional, active: row.active, core: row.core },
    achievements: row.achievements,
  };
}

export function levelOf(points: number, { thresholds }: Rules): Level {
  if (points >= thresholds.core) return 'core';
  if (points >= thresholds.active) return 'active';
  if (points >= thresholds.occasional) return 'occasional';
  return 'peripheral';
}

export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export function pointsOf(counts: Readonly<Record<string, number>>, rules: Rules): number {
  return Object.entries(counts).reduce((sum, [kind, n]) => sum + n * (rules.weights[kind] ?? 0), 0);
}

/** First day (UTC) of the window that ends with the month of `now`, as `YYYY-MM-DD`. */
export function windowStart(rules: Rules, now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (rules.windowMonths - 1), 1));
  return start.toISOString().slice(0, 10);
}
