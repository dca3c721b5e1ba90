import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

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
