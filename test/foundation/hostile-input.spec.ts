import { randomUUID } from 'node:crypto';
import { expectErrorBody, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every write route of the OpenAPI document, called by an organiser with hostile bodies built
 * from its own documented schema: each answer is a 4xx in the error shape, and no table changes.
 * (Each capability's own tests add the cases specific to it.)
 */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  $ref?: string;
  items?: Schema;
  allOf?: Schema[];
  nullable?: boolean;
}

/** A body with one documented property set to null, that property's path in the error details, and whether it is documented nullable. */
interface NullCase {
  body: Record<string, unknown>;
  field: string;
  nullable: boolean;
}

describe('Hostile input on every write route', () => {
  let t: TestApp;
  let admin: string;
  /** A speaker: speaker-only routes (/api/me/…) answer the organiser 403 before reading any body. */
  let speaker: string;
  let schemas: Record<string, Schema>;
  let routes: { method: string; path: string; body: Schema | null; json: boolean }[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const signup = await t.http.post('/api/speakers/signup').send({
      email: 'hostile-speaker@test.local', password: 'speaker-password-1', firstName: 'Hostile', lastName: 'Speaker', affiliation: 'Test', countryCode: 'FR',
    });
    speaker = signup.body.accessToken;
    const doc = (await t.http.get('/docs-json')).body;
    schemas = doc.components.schemas;
    routes = [];
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        // routes that take no body ignore one (disable, enable, logout — which would revoke our token)
        if (!op.requestBody) continue;
        const content = op.requestBody.content;
        const json = content['application/json']?.schema ?? null;
        routes.push({ method, path, body: json, json: json !== null || Object.keys(content).length === 0 });
      }
    }
    // real ids, so that a request that slipped past validation would really write
    const colloquium = (await t.http.get('/api/events?slug=vtn2012')).body.items[0];
    const venue = colloquium.venues[0].id;
    const room = await t.http
      .post(`/api/venues/${venue}/rooms`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Salle test', capacity: 50 });
    const orgs = (await t.http.get('/api/organisations?pageSize=1')).body.items;
    const roles = (await t.http.get(`/api/events/${colloquium.id}/organisations`)).body;
    const roleList = Array.isArray(roles) ? roles : roles.items;
    const me = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).body;
    ids = {
      '/api/events/{id}': colloquium.id,
      '/api/events/{eventId}': colloquium.id,
      '/api/venues/{id}': venue,
      '/api/venues/{venueId}': venue,
      '{roomId}': room.body.id,
      '/api/organisations/{id}': orgs[0]?.id ?? randomUUID(),
      '{roleId}': roleList?.[0]?.id ?? randomUUID(),
      '/api/users/{id}': me.id,
      // the label's routes read their year and town before the body
      '{year}': '2012',
      '{insee}': '92040',
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop() as string]);
    if (schema.allOf?.length) return resolve(schema.allOf[0]);
    return schema;
  }

  function fill(path: string): string {
    let out = path;
    for (const [pattern, id] of Object.entries(ids)) {
      if (pattern.startsWith('/')) {
        if (out.startsWith(pattern)) out = id + out.slice(pattern.length) && pattern.replace(/\{[^}]+\}/, id) + out.slice(pattern.length);
      } else out = out.replace(pattern, id);
    }
    return out.replace(/\{[^}]+\}/g, randomUUID());
  }

  /** Wrong types for every property of the schema, one property at a time, plus whole-body attacks. */
  function hostileBodies(schema: Schema | null): unknown[] {
    const props = Object.entries(resolve(schema ?? undefined).properties ?? {});
    const huge = 'ü'.repeat(100_000);
    const bodies: unknown[] = [[], [{}], 'text', 42, null, { __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }, { unknownField: 'x' }];
    const allHuge: Record<string, unknown> = {};
    for (const [name, prop] of props) {
      const p = resolve(prop);
      allHuge[name] = p.type === 'array' ? Array.from({ length: 10_000 }, () => huge.slice(0, 10)) : p.type === 'number' || p.type === 'integer' ? 1e308 : huge;
      const wrong =
        p.type === 'string' ? [123, { $gt: '' }, ['a'], true, huge] : p.type === 'number' || p.type === 'integer' ? ['12', -1e308, 'NaN', { v: 1 }] : p.type === 'array' ? ['x', { 0: 'a' }, [{ deep: [[[]]] }]] : [huge, { nested: [1] }, [[1]]];
      for (const w of wrong) bodies.push({ [name]: w });
    }
    if (props.length) bodies.push(allHuge);
    return bodies;
  }

  /** The row count of every table, in one query (it runs before and after each null that may be accepted). */
  async function tableCounts(): Promise<Record<string, number>> {
    const tables: { table_name: string }[] = await t.booted.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_failures', 'auth_tokens', 'migrations') ORDER BY table_name`,
    );
    const rows: { t: string; n: number }[] = await t.booted.dataSource.query(
      tables.map(({ table_name }) => `SELECT '${table_name}' AS t, count(*)::int AS n FROM "${table_name}"`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  /**
   * Each documented property of the body set to null, one at a time, and each property of a nested
   * DTO (an object, or the first item of a list of objects).
   */
  function nullCases(schema: Schema | null): NullCase[] {
    const cases: NullCase[] = [];
    for (const [name, prop] of Object.entries(resolve(schema ?? undefined).properties ?? {})) {
      cases.push({ body: { [name]: null }, field: name, nullable: prop.nullable === true });
      const p = resolve(prop);
      const nested = p.type === 'array' ? resolve(p.items) : p.$ref || prop.$ref || prop.allOf ? p : null;
      for (const [inner, innerProp] of Object.entries(nested?.properties ?? {})) {
        const value = { [inner]: null };
        cases.push(
          p.type === 'array'
            ? { body: { [name]: [value] }, field: `${name}[0].${inner}`, nullable: innerProp.nullable === true }
            : { body: { [name]: value }, field: `${name}.${inner}`, nullable: innerProp.nullable === true },
        );
      }
    }
    return cases;
  }

  /** The organiser where it may call the route, else a speaker (routes only speakers may call). */
  const tokens = new Map<string, string>();
  async function tokenFor(route: { method: string; path: string }, url: string): Promise<string> {
    const key = `${route.method} ${route.path}`;
    if (!tokens.has(key)) {
      // the guard answers 403 before validation, and validation refuses the unknown field anywhere else
      const probe = await t.http[route.method as 'post'](url).set('Authorization', `Bearer ${admin}`).send({ accessProbe: 1 });
      tokens.set(key, probe.status === 403 ? speaker : admin);
    }
    return tokens.get(key) as string;
  }

  it('answers every hostile body with a 4xx in the error shape and writes nothing', async () => {
    const before = await tableCounts();
    const failures: string[] = [];
    for (const route of routes) {
      const url = fill(route.path);
      const token = await tokenFor(route, url);
      const attempts: { raw: string; label: string }[] = [
        { raw: '{"broken": ', label: 'malformed JSON' },
        { raw: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), label: 'deeply nested JSON' },
        ...hostileBodies(route.body).map((b) => ({ raw: JSON.stringify(b) ?? 'null', label: JSON.stringify(b)?.slice(0, 60) ?? 'undefined' })),
      ];
      for (const attempt of attempts) {
        const res = await t.http[route.method as 'post'](url)
          .set('Authorization', `Bearer ${token}`)
          .set('content-type', 'application/json')
          .send(attempt.raw);
        const fine = res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403 && res.body?.error && res.body?.requestId;
        if (!fine) failures.push(`${route.method.toUpperCase()} ${route.path} with ${attempt.label}: ${res.status}`);
        if (res.status >= 400) expectErrorBody(res.body, res.status);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    // the organiser was signed in all along, so every refusal above came from validation, not auth
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${speaker}`)).status).toBe(200);
  });

  it('answers null in every documented property with 400 VALIDATION_FAILED naming it, unless documented nullable, and never a 500', async () => {
    const send = async (route: (typeof routes)[number], body: unknown) => {
      const url = fill(route.path);
      return t.http[route.method as 'post'](url)
        .set('Authorization', `Bearer ${await tokenFor(route, url)}`)
        .send(body as object);
    };
    const jsonRoutes = routes.filter((r) => r.body !== null);
    const failures: string[] = [];
    let refused = 0;
    let allowed = 0;
    // not nullable: refused before any service runs, whatever else the body lacks, and nothing written
    const before = await tableCounts();
    for (const route of jsonRoutes) {
      for (const c of nullCases(route.body).filter((c) => !c.nullable)) {
        refused++;
        const res = await send(route, c.body);
        const fields = ((res.body?.details?.errors ?? []) as { field: string }[]).map((e) => e.field);
        if (res.status !== 400 || res.body?.error !== 'VALIDATION_FAILED' || !fields.includes(c.field)) {
          failures.push(`${route.method.toUpperCase()} ${route.path} with ${JSON.stringify(c.body)}: ${res.status} ${res.body?.error} ${fields.join(',')}`);
        }
        if (res.status >= 400) expectErrorBody(res.body, res.status);
      }
    }
    const after = await tableCounts();
    const written = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (written.length) failures.push(`refused nulls wrote rows in ${written.join(', ')}`);
    // documented nullable: null clears the value (2xx), or the request is refused for another reason (4xx) and writes nothing
    for (const route of jsonRoutes) {
      for (const c of nullCases(route.body).filter((c) => c.nullable)) {
        allowed++;
        const counts = await tableCounts();
        const res = await send(route, c.body);
        if (res.status >= 500) failures.push(`${route.method.toUpperCase()} ${route.path} with ${JSON.stringify(c.body)} (nullable): ${res.status}`);
        // refused for what else the body lacks, never for the documented null itself
        const fields = ((res.body?.details?.errors ?? []) as { field: string }[]).map((e) => e.field);
        if (res.status === 400 && fields.includes(c.field)) failures.push(`${route.method.toUpperCase()} ${route.path}: ${c.field} is documented nullable but null is refused`);
        if (res.status >= 400) {
          expectErrorBody(res.body, res.status);
          if (JSON.stringify(await tableCounts()) !== JSON.stringify(counts)) failures.push(`${route.method.toUpperCase()} ${route.path} with ${JSON.stringify(c.body)}: ${res.status} but rows written`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(150);
    expect(allowed).toBeGreaterThan(100);
  });
});
