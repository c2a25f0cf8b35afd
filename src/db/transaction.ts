import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in a transaction: a new one, or the caller's when `db` already is
 * one (Kysely does not nest transactions). Commands that write several tables
 * use this, so a caller that must commit more with them (the demo's one
 * transaction per story, a command that also audits) hands in its transaction.
 */
export function inTransaction<DB, T>(
  db: Kysely<DB>,
  fn: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}
