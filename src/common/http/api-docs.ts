import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';

/** The error body, as documented in OpenAPI. */
export class ErrorBodyDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'NOT_FOUND', description: 'Stable upper-case code' })
  error!: string;

  @ApiProperty({ example: 'Event not found' })
  message!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;

  @ApiProperty({ example: '5f0c7c1e-1b7e-4b8e-9d7e-2f7b6a1e0c3d' })
  requestId!: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid request (VALIDATION_FAILED, MALFORMED_JSON, BAD_REQUEST)',
  401: 'No valid access token (UNAUTHENTICATED)',
  403: 'The caller’s role does not allow this (FORBIDDEN)',
  404: 'No such resource (NOT_FOUND)',
  409: 'Conflicts with existing data (CONFLICT)',
  412: 'If-Match no longer matches: changed by someone else meanwhile (PRECONDITION_FAILED, details.current holds the current state)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported content (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Breaks a rule of the data (VALIDATION_FAILED)',
  429: 'Too many attempts (TOO_MANY_REQUESTS)',
};

/** Documents the error responses a route can give, all with the one error body. */
export function ApiErrors(...statuses: number[]) {
  const all = [...new Set([400, 413, ...statuses])];
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...all.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorBodyDto })),
    ApiResponse({ status: 500, description: 'Unexpected error (INTERNAL_ERROR)', type: ErrorBodyDto }),
  );
}

/** Documents a paginated list of `model`. */
export function ApiPageResponse<T>(model: Type<T>) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'page', 'pageSize', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          page: { type: 'integer', example: 1 },
          pageSize: { type: 'integer', example: 20 },
          total: { type: 'integer', example: 2 },
        },
      },
    }),
  );
}

/** The one security scheme: the opaque bearer token of POST /api/auth/login. */
export const BEARER_SCHEME = 'bearer';

/** Operation extension set by @Public() (through ApiPublic), turned into `security: []` by finishApiDocument. */
const PUBLIC_EXTENSION = 'x-public';

/** Marks a route (or every route of a controller) as callable without a token in the OpenAPI document. */
export const ApiPublic = () => ApiExtension(PUBLIC_EXTENSION, true);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What the decorators cannot say route by route, applied to the whole document so that every route,
 * including routes added later, follows it:
 * - the bearer token is required on every route (root `security`, and each operation's) except
 *   public routes (@Public()), which declare `security: []`; the token is opaque (no `bearerFormat: JWT`);
 * - every error response (4xx, 5xx) is `application/json` with the one error body, whatever the
 *   route produces on success (a PDF, a calendar, a CSV): the exception filter answers every error so;
 * - the document names its server (the back-office's own root).
 */
export function finishApiDocument(document: OpenAPIObject): OpenAPIObject {
  const errorSchema = { $ref: getSchemaPath(ErrorBodyDto) };
  document.servers = [{ url: '/', description: 'This back-office (paths start at its root)' }];
  document.components = {
    ...document.components,
    securitySchemes: {
      [BEARER_SCHEME]: {
        type: 'http',
        scheme: 'bearer',
        description: 'The opaque access token returned by POST /api/auth/login (not a JWT: its content means nothing to clients). Send `Authorization: Bearer <token>`.',
      },
    },
  };
  document.security = [{ [BEARER_SCHEME]: [] }];
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (NonNullable<(typeof item)[typeof method]> & { [PUBLIC_EXTENSION]?: boolean }) | undefined;
      if (!operation) continue;
      if (operation[PUBLIC_EXTENSION]) {
        operation.security = [];
        delete operation[PUBLIC_EXTENSION];
      } else if (!operation.security?.some((requirement) => Object.keys(requirement).some((name) => name !== BEARER_SCHEME))) {
        // said on each operation too, whether or not its controller has @ApiBearerAuth()
        operation.security = [{ [BEARER_SCHEME]: [] }];
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(status) || !response || '$ref' in response) continue;
        response.content = { 'application/json': { schema: errorSchema } };
      }
    }
  }
  return document;
}
