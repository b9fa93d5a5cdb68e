import { openTestDatabase } from '/work/wt-facilitate/server/seed/testing.ts';
async function main() {
const db = await openTestDatabase();
for (const q of process.argv.slice(2)) console.log(JSON.stringify((await db.query(q)).rows));
process.exit(0);
}
void main();
