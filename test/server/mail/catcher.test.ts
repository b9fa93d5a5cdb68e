/** The demo's mail catcher (server/smtp/catcher.ts) over real SMTP. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { createTransport } from 'nodemailer';
import { startMailCatcher } from '../../../server/smtp/catcher.ts';

test('a client hanging up mid-session (twice) ends its session, not the catcher, which still takes mail', async () => {
  const catcher = await startMailCatcher();
  try {
    for (let i = 0; i < 2; i++) {
      const socket = connect(catcher.port, '127.0.0.1');
      let heard = '';
      const answer = (code: RegExp) =>
        new Promise<void>((resolve) => {
          const listen = (chunk: Buffer) => {
            heard += chunk.toString('utf8');
            if (code.test(heard)) {
              socket.off('data', listen);
              heard = '';
              resolve();
            }
          };
          socket.on('data', listen);
        });
      await answer(/^220 /m);
      socket.write('EHLO client.example.org\r\n');
      await answer(/^250 /m);
      socket.write('MAIL FROM:<a@example.org>\r\n');
      await answer(/^250 /m);
      // Mid-transaction, a reset (RST) rather than QUIT: smtp-server reports it as an 'error' of the server.
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.resetAndDestroy();
      await closed;
    }
    const transport = createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'Still here', text: 'Hello' });
    transport.close();
    assert.deepEqual(
      catcher.messages().map((m) => m.subject),
      ['Still here'],
    );
  } finally {
    await catcher.close();
  }
});
