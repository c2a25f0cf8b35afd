import { describe, expect, it } from 'vitest';
import { openSqlite, withStatementCache } from './sqlite-driver.ts';

/** Prepared statements are reused by SQL text, within a bound, and give the right rows. */
describe('SQLite statement cache', () => {
  it('prepares each SQL text once, evicts the least recently used, and stays correct', () => {
    const real = openSqlite(':memory:') as ReturnType<typeof openSqlite> & {
      exec(sql: string): void;
    };
    real.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    real.exec("INSERT INTO t (name) VALUES ('satu'), ('dua'), ('tiga')");
    const prepared: string[] = [];
    const db = withStatementCache(
      {
        prepare: (sql) => {
          prepared.push(sql);
          return real.prepare(sql);
        },
        close: () => real.close(),
        exec: (sql) => real.exec(sql),
      },
      2,
    );
    const byId = 'SELECT name FROM t WHERE id = ?';
    expect(db.prepare(byId).all([1])).toEqual([{ name: 'satu' }]);
    expect(db.prepare(byId).all([3])).toEqual([{ name: 'tiga' }]);
    expect(prepared).toEqual([byId]);

    db.prepare('SELECT count(*) AS n FROM t');
    db.prepare(byId); // used again: now the most recent
    db.prepare('SELECT max(id) AS m FROM t'); // evicts the count, not byId
    db.prepare(byId);
    expect(prepared).toHaveLength(3);
    db.prepare('SELECT count(*) AS n FROM t');
    expect(prepared).toHaveLength(4);
    db.close();
  });
});
