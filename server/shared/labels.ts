/** SQL for a skill label in the requested language, falling back to English, then the slug. */
export function labelSql(alias: string, langParam: string): string {
  return `coalesce(${alias}.labels ->> ${langParam}, ${alias}.labels ->> split_part(${langParam}, '-', 1), ${alias}.labels ->> 'en', ${alias}.slug)`;
}
