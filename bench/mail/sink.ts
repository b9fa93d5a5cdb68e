// The SMTP sink of the mail bench: a real SMTP server that appends the Message-ID of every message it
// accepts to a log file, synced to disk, before answering 250 (as a careful MTA stores before it
// acknowledges). Killed and restarted by bench/mail/run.ts. Usage: tsx bench/mail/sink.ts <port> <log>
import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const [port = '0', logFile = ''] = process.argv.slice(2);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1] ?? 'missing';
      appendFileSync(logFile, `${id}\n`);
      const fd = openSync(logFile, 'r');
      fsyncSync(fd);
      closeSync(fd);
      callback();
    });
  },
});
// A killed worker resets its connections: that ends its session, not the sink.
server.on('error', () => undefined);
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
