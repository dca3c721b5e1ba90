/**
 * The API as the public calls it: the same generated types, but no session token, so the server
 * answers what anyone sees (before the reveal: towns without their level). Used by the « view as
 * public » switch, so the page shows the server's own public answer rather than a copy of its rule.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';

export const publicApi = createClient<paths>({ baseUrl: '' });
