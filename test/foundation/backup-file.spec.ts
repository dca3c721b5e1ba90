import { BackupError, backupKindOf, wrongKindMessage } from '../../src/database/backup/backup-file.js';
import { connectionFor, findPgTool, pgToolCandidates, PgToolMissingError } from '../../src/database/backup/pg-tools.js';

/** The rules behind `npm run cli -- backup|restore` on plain data (the round trip: backup-restore.spec.ts). */
describe('Backup files and PostgreSQL programs', () => {
  const bytes = (text: string, at = 0) => {
    const b = new Uint8Array(512);
    b.set(Buffer.from(text, 'latin1'), at);
    return b;
  };

  it('tells a file’s kind by its first bytes', () => {
    expect(backupKindOf(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toBe('embedded');
    expect(backupKindOf(bytes('ustar', 257))).toBe('embedded');
    expect(backupKindOf(bytes('PGDMP\x01\x0f\x00'))).toBe('pg-dump');
    expect(backupKindOf(bytes('--\n-- PostgreSQL database dump\n'))).toBe('sql');
    expect(backupKindOf(bytes('root:x:0:0:root:/root:/bin/bash'))).toBe('unknown');
    expect(backupKindOf(new Uint8Array(0))).toBe('unknown');
  });

  it('restores each engine’s own kind only, and says what to do with the others', () => {
    expect(wrongKindMessage('embedded', 'embedded')).toBeNull();
    expect(wrongKindMessage('pg-dump', 'server')).toBeNull();
    expect(wrongKindMessage('embedded', 'server')).toMatch(/embedded database.*unset it/);
    expect(wrongKindMessage('pg-dump', 'embedded')).toMatch(/pg_dump.*set it/);
    expect(wrongKindMessage('sql', 'server')).toMatch(/psql/);
    expect(wrongKindMessage('unknown', 'embedded')).toMatch(/not a backup/);
  });

  it('looks for pg_dump in PG_BIN_DIR, then PATH, then Debian’s folders from the newest version down', () => {
    expect(pgToolCandidates('pg_dump', { PG_BIN_DIR: '/opt/pg/bin', PATH: '/usr/local/bin:/usr/bin' }, ['13', '15', 'README', '9.6'], '/usr/lib/postgresql')).toEqual([
      '/opt/pg/bin/pg_dump',
      '/usr/local/bin/pg_dump',
      '/usr/bin/pg_dump',
      '/usr/lib/postgresql/15/bin/pg_dump',
      '/usr/lib/postgresql/13/bin/pg_dump',
      '/usr/lib/postgresql/9.6/bin/pg_dump',
    ]);
    expect(pgToolCandidates('pg_restore', {}, [])).toEqual([]);
  });

  it('says how to install pg_restore when it is nowhere to be found', () => {
    const missing = () => findPgTool('pg_restore', { PATH: '/nonexistent' }, '/nonexistent');
    expect(missing).toThrow(PgToolMissingError);
    expect(missing).toThrow(BackupError);
    expect(missing).toThrow(/pg_restore was not found .*apt install postgresql-client.*PG_BIN_DIR/);
  });

  it('passes the password in PGPASSWORD, not on the command line', () => {
    expect(connectionFor('postgres://dev:s%C3%A9cret@db.example.org:5433/vtn?sslmode=require')).toEqual({
      dbname: 'postgres://dev@db.example.org:5433/vtn?sslmode=require',
      env: { PGPASSWORD: 'sécret' },
    });
    expect(connectionFor('postgres://dev@127.0.0.1/vtn')).toEqual({ dbname: 'postgres://dev@127.0.0.1/vtn', env: {} });
  });
});
