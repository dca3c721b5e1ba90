/**
 * The one way the web app talks to the API: openapi-fetch over the types that openapi-typescript
 * generates from the server's OpenAPI document (`npm run api:types` writes `schema.d.ts`; `npm run
 * lint` fails when it differs from what the server documents). No hand-written copy of a shape.
 *
 * Every call carries the session's bearer token; a 401 on a call made with a token ends the session
 * (expired or revoked) and the app sends the person to the login page, keeping where they were.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { readSession, writeSession } from '../auth/session';
import type { components, paths } from './schema';

export type ApiErrorBody = components['schemas']['ErrorBodyDto'];
export type Schemas = components['schemas'];

const auth: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization') && readSession()) writeSession(null, 'expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The error body of a failed call, or one made up for a network failure (so pages show one kind of error). */
export function errorBody(error: unknown, response?: Response): ApiErrorBody {
  if (error && typeof error === 'object' && 'error' in error && 'message' in error) return error as ApiErrorBody;
  return {
    statusCode: response?.status ?? 0,
    error: response ? 'UNEXPECTED_RESPONSE' : 'NETWORK_ERROR',
    message: response ? `HTTP ${response.status}` : 'network error',
    requestId: '',
  } as ApiErrorBody;
}

/**
 * Field errors of a VALIDATION_FAILED body, by field path (`firstName`, `orcid`…), so each can be
 * shown next to its field. Other errors have none.
 */
export function fieldErrors(body: ApiErrorBody | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const details = body?.details as { errors?: Array<{ field?: string; errors?: string[] }> } | undefined;
  for (const e of details?.errors ?? []) {
    if (e.field && e.errors?.length && !(e.field in out)) out[e.field] = e.errors.join(' ');
  }
  return out;
}
