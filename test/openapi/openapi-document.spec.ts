import { spawn } from 'node:child_process';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The OpenAPI document as typed clients read it (`npm run lint` also runs redocly and compiles a
 * typed client against it): examples that satisfy their own schemas, scalars typed as scalars, no
 * `default` in request bodies (openapi-typescript makes such fields required), every error
 * response the JSON error body, and one opaque bearer scheme.
 */

// ajv-formats is CommonJS: its default export arrives as the module object under ESM
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every schema object of the document with its JSON pointer (components, parameters, bodies, responses, and inside them). */
function schemasOf(doc: Json): { pointer: string; schema: Json }[] {
  const out: { pointer: string; schema: Json }[] = [];
  const visitSchema = (schema: unknown, pointer: string) => {
    if (!isObject(schema)) return;
    out.push({ pointer, schema });
    for (const [name, sub] of Object.entries((schema.properties as Json | undefined) ?? {})) visitSchema(sub, `${pointer}/properties/${escape(name)}`);
    if (isObject(schema.items)) visitSchema(schema.items, `${pointer}/items`);
    if (isObject(schema.additionalProperties)) visitSchema(schema.additionalProperties, `${pointer}/additionalProperties`);
    if (isObject(schema.not)) visitSchema(schema.not, `${pointer}/not`);
    for (const list of SCHEMA_LISTS) (schema[list] as unknown[] | undefined)?.forEach((sub, i) => visitSchema(sub, `${pointer}/${list}/${i}`));
  };
  const components = (doc.components as Json).schemas as Json;
  for (const [name, schema] of Object.entries(components)) visitSchema(schema, `/components/schemas/${escape(name)}`);
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const at = `/paths/${escape(path)}/${method}`;
      ((op.parameters as Json[] | undefined) ?? []).forEach((p, i) => visitSchema(p.schema, `${at}/parameters/${i}/schema`));
      for (const [type, media] of Object.entries(((op.requestBody as Json | undefined)?.content as Json | undefined) ?? {})) {
        visitSchema((media as Json).schema, `${at}/requestBody/content/${escape(type)}/schema`);
      }
      for (const [status, response] of Object.entries((op.responses as Json | undefined) ?? {})) {
        for (const [type, media] of Object.entries(((response as Json).content as Json | undefined) ?? {})) {
          visitSchema((media as Json).schema, `${at}/responses/${status}/content/${escape(type)}/schema`);
        }
      }
    }
  }
  return out;
}

/** Examples given beside a schema rather than inside it: parameters and media types. */
function outerExamples(doc: Json): { pointer: string; schemaPointer: string; example: unknown }[] {
  const out: { pointer: string; schemaPointer: string; example: unknown }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const at = `/paths/${escape(path)}/${method}`;
      ((op.parameters as Json[] | undefined) ?? []).forEach((p, i) => {
        if ('example' in p) out.push({ pointer: `${at}/parameters/${i}/example`, schemaPointer: `${at}/parameters/${i}/schema`, example: p.example });
      });
      const media: [string, unknown][] = [
        ...Object.entries(((op.requestBody as Json | undefined)?.content as Json | undefined) ?? {}).map(([type, m]) => [`${at}/requestBody/content/${escape(type)}`, m] as [string, unknown]),
        ...Object.entries((op.responses as Json | undefined) ?? {}).flatMap(([status, r]) =>
          Object.entries(((r as Json).content as Json | undefined) ?? {}).map(([type, m]) => [`${at}/responses/${status}/content/${escape(type)}`, m] as [string, unknown]),
        ),
      ];
      for (const [pointer, m] of media) {
        if (isObject(m) && 'example' in m) out.push({ pointer: `${pointer}/example`, schemaPointer: `${pointer}/schema`, example: m.example });
      }
    }
  }
  return out;
}

describe('The OpenAPI document', () => {
  let t: TestApp;
  let doc: Json;

  beforeAll(async () => {
    t = await startTestApp({ SEED_REFERENCE_DATA: 'false' });
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is served as built, and the CLI’s `openapi` command (npm run lint’s source) prints the same document', async () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(t.booted.apiDocument())));
    // without a database (Nest's preview mode: DATABASE_URL names a server nobody listens on) and without a port
    const printed = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['dist/src/cli.js', 'openapi'], {
        env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout?.on('data', (d) => (out += d));
      child.stderr?.on('data', (d) => (err += d));
      child.once('exit', (code) => resolve({ code, out, err }));
    });
    expect(printed).toMatchObject({ code: 0, err: '' });
    // @nestjs/terminus documents /health's 200 only where it can require() @nestjs/swagger, which
    // jest's module loader cannot do: the rest must be the same
    const withoutHealth = (d: Json) => ({ ...d, paths: { ...(d.paths as Json), '/health': undefined } });
    expect(withoutHealth(JSON.parse(printed.out))).toEqual(withoutHealth(doc));
    expect(Object.keys(JSON.parse(printed.out).paths)).toEqual(Object.keys(doc.paths as Json));
  });

  it('gives examples that satisfy their own schemas', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, 'doc');
    const sites = [
      ...schemasOf(doc)
        .filter(({ schema }) => 'example' in schema)
        .map(({ pointer, schema }) => ({ pointer: `${pointer}/example`, schemaPointer: pointer, example: schema.example })),
      ...outerExamples(doc),
    ];
    expect(sites.length).toBeGreaterThan(100);
    const invalid: string[] = [];
    for (const site of sites) {
      const validate = ajv.compile({ $ref: `doc#${site.schemaPointer}` });
      if (!validate(site.example)) invalid.push(`${site.pointer} = ${JSON.stringify(site.example)}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(invalid).toEqual([]);
  });

  it('types scalars as scalars: no `type: object` without properties (openapi-typescript makes it Record<string, never>)', () => {
    const shapeless = schemasOf(doc)
      .filter(({ schema }) => schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !SCHEMA_LISTS.some((list) => schema[list]))
      .map(({ pointer }) => pointer);
    expect(shapeless).toEqual([]);
    // a string's or a number's keywords on a schema without a type (an empty schema, any value, is fine)
    const SCALAR_KEYWORDS = ['format', 'maxLength', 'minLength', 'pattern', 'minimum', 'maximum'];
    const untyped = schemasOf(doc)
      .filter(({ schema }) => !schema.type && !schema.$ref && !schema.enum && !SCHEMA_LISTS.some((list) => schema[list]))
      .filter(({ schema }) => SCALAR_KEYWORDS.some((keyword) => keyword in schema))
      .map(({ pointer }) => pointer);
    expect(untyped).toEqual([]);
  });

  it('has no `default` in request bodies (absent means « unchanged » in a PATCH; typed clients make defaulted fields required)', () => {
    const schemas = (doc.components as Json).schemas as Json;
    const withDefault = new Set<string>();
    const seen = new Set<string>();
    const walk = (schema: unknown, where: string) => {
      if (!isObject(schema)) return;
      if (typeof schema.$ref === 'string') {
        const name = schema.$ref.split('/').pop() as string;
        if (!seen.has(name)) {
          seen.add(name);
          walk(schemas[name], name);
        }
        return;
      }
      if ('default' in schema) withDefault.add(where);
      for (const [name, sub] of Object.entries((schema.properties as Json | undefined) ?? {})) walk(sub, `${where}.${name}`);
      walk(schema.items, `${where}[]`);
      walk(schema.additionalProperties, `${where}{}`);
      for (const list of SCHEMA_LISTS) (schema[list] as unknown[] | undefined)?.forEach((sub) => walk(sub, where));
    };
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(item)) {
        for (const media of Object.values(op.requestBody?.content ?? {})) walk(media.schema, `${method.toUpperCase()} ${path}`);
      }
    }
    expect(seen.size).toBeGreaterThan(30);
    expect([...withDefault]).toEqual([]);
  });

  it('documents every error response as the JSON error body, whatever the route answers on success', () => {
    const wrong: string[] = [];
    let errors = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^[45]/.test(status)) continue;
          errors++;
          if (JSON.stringify(response.content) !== JSON.stringify({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } })) {
            wrong.push(`${method.toUpperCase()} ${path} ${status}: ${Object.keys(response.content ?? {}).join(', ')}`);
          }
        }
      }
    }
    expect(errors).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
    // e.g. the calendar export, the PDFs, the CSV exports
    const ics = (doc.paths as Record<string, Record<string, Operation>>)['/api/events/{eventId}/programme.ics']!.get!;
    expect(Object.keys(ics.responses['200']!.content!)).toEqual(['text/calendar']);
    expect(Object.keys(ics.responses['404']!.content!)).toEqual(['application/json']);
  });

  it('declares one opaque bearer token, required unless a route says `security: []`', () => {
    const components = doc.components as { securitySchemes: Record<string, Json> };
    expect(components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', description: expect.stringContaining('opaque') } });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const others: string[] = [];
    let publicRoutes = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation & { 'x-public'?: unknown }>>)) {
      for (const [method, op] of Object.entries(item)) {
        if ('x-public' in op) others.push(`${method} ${path}: x-public left in`);
        if (JSON.stringify(op.security) === '[]') publicRoutes++;
        else if (JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }])) others.push(`${method} ${path}: ${JSON.stringify(op.security)}`);
      }
    }
    expect(others).toEqual([]);
    expect(publicRoutes).toBeGreaterThan(20);
  });
});
