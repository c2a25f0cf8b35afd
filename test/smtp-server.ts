import { createServer, type Server, type Socket } from 'node:net';

/** A message the test SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A tiny real SMTP server on 127.0.0.1 speaking just enough of RFC 5321 for
 * nodemailer (EHLO, MAIL, RCPT, DATA, RSET, QUIT). `reject` decides per
 * message whether DATA is refused with a 451, to exercise retries.
 */
export async function startSmtpServer(opts: { reject?: () => boolean } = {}) {
  const received: ReceivedMail[] = [];
  let rejected = 0;
  const server: Server = createServer((socket: Socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    let data = '';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 localhost test SMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        const nl = buffer.indexOf('\r\n');
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (opts.reject?.()) {
              rejected += 1;
              reply('451 4.3.0 Temporary failure, try again later');
            } else {
              received.push({ from, to, data });
              reply('250 2.0.0 OK queued');
            }
            from = '';
            to = [];
            data = '';
          } else {
            data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') reply('250-localhost\r\n250 8BITMIME');
        else if (cmd === 'HELO') reply('250 localhost');
        else if (cmd === 'MAIL') {
          from = line.slice(10).trim();
          reply('250 OK');
        } else if (cmd === 'RCPT') {
          to.push(line.slice(8).trim());
          reply('250 OK');
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (cmd === 'RSET' || cmd === 'NOOP') reply('250 OK');
        else if (cmd === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get rejected() {
      return rejected;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
