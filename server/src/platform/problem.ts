import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';

/** RFC 9457 problem+json: one shape for every error the API returns. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): FastifyReply {
  const body: Problem = {
    type: `https://tavola.dev/problems/${code.replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
  };
  if (errors?.length) body.errors = errors;
  return reply.status(status).type('application/problem+json').send(body);
}

function fieldName(path: readonly string[], where: string): string {
  const joined = path.join('.');
  return joined || where;
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    try {
      return renderError(error, request, reply);
    } catch (failure) {
      request.log.error({ err: failure, original: error }, 'error handler failed');
      return internalError(request, reply);
    }
  });
}

const internalError = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(request, reply, 500, 'internal_error', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`);

function renderError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(request, reply, error.status, error.code, error.detail, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: fieldName(v.instancePath.split('/').filter(Boolean), where),
      message: v.message ?? 'is invalid',
    }));
    return sendProblem(request, reply, 400, 'validation_failed', `The ${where} has invalid fields`, errors);
  }
  const fe = error as FastifyError;
  if (fe.statusCode === 429) {
    return sendProblem(request, reply, 429, 'rate_limited', 'Too many requests; try again later');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : 'bad_request';
    const detail = fe.code?.startsWith('FST_ERR_CTP') || fe.validation ? fe.message : 'The request could not be understood';
    return sendProblem(request, reply, fe.statusCode, code, detail);
  }
  request.log.error({ err: error }, 'unhandled error');
  return internalError(request, reply);
}

/** 404 for unknown routes; `fallback` may answer first (the web client's index.html for its own routes). */
export function registerNotFound(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> | FastifyReply | undefined,
): void {
  app.setNotFoundHandler(async (request, reply) => {
    const answered = await fallback?.(request, reply);
    if (answered) return answered;
    return sendProblem(request, reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
  });
}
