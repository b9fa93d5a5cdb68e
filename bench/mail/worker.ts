// The worker of the mail bench, as a process of its own so the bench can SIGKILL it mid-batch.
// SIGTERM stops it as the server's shutdown does. Usage: DATABASE_URL=… tsx bench/mail/worker.ts <schema> <smtp port>
import { openDatabase } from '../../server/db/index.ts';
import { loadMailKeys } from '../../server/mail/keys.ts';
import { startMailWorker } from '../../server/mail/worker.ts';

const [schema = '', port = ''] = process.argv.slice(2);
const db = await openDatabase({ url: process.env.DATABASE_URL, schema });
const keys = await loadMailKeys(db);
const worker = await startMailWorker(db, {
  smtpUrl: `smtp://127.0.0.1:${port}`,
  from: 'Grove <notifications@bench.example>',
  domain: 'bench.example',
  bounceKey: keys.bounce,
  batch: 20,
  pollMs: 500,
  // A killed worker's claimed rows go to its successor after this long (60 s in production).
  leaseSeconds: 3,
});
// A restart: the message on the wire finishes and is recorded, the rest of the batch is given back.
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
process.stdout.write('ready\n');
