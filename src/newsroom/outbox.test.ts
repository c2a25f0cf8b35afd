import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { startSmtpServer } from '../../test/smtp-server.ts';
import { enqueueMail, listOutbox, retryDelayMs, sendDue, smtpTransport } from './outbox.ts';

describe.each(DIALECTS)('outbox (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('keeps a message that the SMTP server refuses and sends it on a later retry', async () => {
    let refuse = true;
    const smtp = await startSmtpServer({ reject: () => refuse });
    const transport = smtpTransport({ smtpUrl: smtp.url });
    if (!transport) throw new Error('no transport');
    try {
      const t0 = 1_700_000_000_000;
      const id = await enqueueMail(
        t.db,
        { to: 'wayan@warta.test', subject: 'Uji', text: 'Isi uji' },
        t0,
      );
      const first = await sendDue(t.db, transport, 'Warta <noreply@warta.test>', t0);
      expect(first).toEqual({ sent: 0, failed: 1 });
      expect(smtp.rejected).toBe(1);
      let row = (await listOutbox(t.db, { page: 1 })).items.find((r) => r.id === id);
      expect(row?.sentAt).toBeNull();
      expect(row?.attempts).toBe(1);
      expect(row?.lastError).toMatch(/451/);
      expect(row?.nextAttemptAt).toBe(t0 + retryDelayMs(1));

      // Not due yet: nothing happens.
      expect(await sendDue(t.db, transport, 'Warta <noreply@warta.test>', t0 + 1000)).toEqual({
        sent: 0,
        failed: 0,
      });

      refuse = false;
      const second = await sendDue(
        t.db,
        transport,
        'Warta <noreply@warta.test>',
        t0 + retryDelayMs(1),
      );
      expect(second).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.to).toEqual(['<wayan@warta.test>']);
      expect(smtp.received[0]?.data).toContain('Isi uji');
      row = (await listOutbox(t.db, { page: 1 })).items.find((r) => r.id === id);
      expect(row?.sentAt).not.toBeNull();
      expect(row?.attempts).toBe(2);

      // Sent messages are never sent again.
      expect(await sendDue(t.db, transport, 'x@warta.test', t0 + 10 * 3_600_000)).toEqual({
        sent: 0,
        failed: 0,
      });
    } finally {
      transport.close?.();
      await smtp.close();
    }
  });

  it('keeps a message when the SMTP server is unreachable', async () => {
    const smtp = await startSmtpServer();
    const url = smtp.url;
    await smtp.close();
    const transport = smtpTransport({ smtpUrl: url });
    if (!transport) throw new Error('no transport');
    const now = 1_800_000_000_000;
    const id = await enqueueMail(t.db, { to: 'a@warta.test', subject: 'S', text: 'T' }, now);
    const res = await sendDue(t.db, transport, 'x@warta.test', now);
    expect(res.failed).toBeGreaterThanOrEqual(1);
    const row = (await listOutbox(t.db, { page: 1, pendingOnly: true })).items.find(
      (r) => r.id === id,
    );
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).not.toBe('');
  });

  it('backs off exponentially up to an hour', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
