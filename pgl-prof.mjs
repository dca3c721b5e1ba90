import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { readFileSync, readdirSync, statSync } from 'node:fs';
const dir = '/work/main/node_modules/.cache/colloquium-test-db/';
const f = process.env.TAR || dir + readdirSync(dir).filter(n => n.endsWith('seeded.tar')).map(n => [n, statSync(dir+n).mtimeMs]).sort((a,b)=>b[1]-a[1])[0][0];
const bytes = readFileSync(f);
class BytesBlob extends Blob { constructor(b) { super([]); this.b = b; } get size() { return this.b.length; } async arrayBuffer() { return this.b.buffer.slice(this.b.byteOffset, this.b.byteOffset + this.b.length); } }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ext = { btree_gist, citext, pg_trgm, unaccent };
const extra = (process.env.PARAMS || '').split(' ').filter(Boolean).flatMap(p => ['-c', p]);
const defaults = ["--single","-F","-O","-j","-c","search_path=public","-c","exit_on_error=false","-c","log_checkpoints=false","-c","max_worker_processes=0","-c","max_parallel_workers=0","-c","max_parallel_workers_per_gather=0","-c","io_method=sync","-c","max_parallel_maintenance_workers=0"];
const opts = extra.length ? { startParams: [...defaults, ...extra] } : {};
let sum = 0; const N = 8;
for (let i = 0; i < N; i++) {
  const c0 = cpu(); const w0 = performance.now();
  const db = await PGlite.create(undefined, { extensions: ext, loadDataDir: new BytesBlob(bytes), ...opts });
  const c1 = cpu(); const w1 = performance.now();
  if (i === 0 && process.env.SHOW) console.log((await db.query(process.env.SHOW)).rows);
  await db.query('select count(*) from pg_class');
  await db.close();
  if (i >= 2) sum += c1 - c0;
  console.log(`create ${(c1-c0).toFixed(0)} ms cpu, ${(w1-w0).toFixed(0)} ms wall`);
}
console.log('mean of last', N - 2, (sum / (N - 2)).toFixed(0));
