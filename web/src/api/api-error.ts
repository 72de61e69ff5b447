import type { ProblemBody } from '@tavola/contracts/accounts';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem returned by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, detail: string, fieldErrors: FieldError[] = [], requestId?: string) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
  }

  /** The message for one field (`password`, `body.password` and `password.0` all match `password`). */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => fieldRoot(e.field) === field)?.message;
  }

  static fromProblem(status: number, body: Partial<ProblemBody> | null, fallback: string): ApiError {
    const errors = Array.isArray(body?.errors) ? body.errors.filter((e) => typeof e?.field === 'string' && typeof e?.message === 'string') : [];
    return new ApiError(
      typeof body?.status === 'number' ? body.status : status,
      typeof body?.code === 'string' ? body.code : 'http_error',
      typeof body?.detail === 'string' && body.detail ? body.detail : fallback,
      errors,
      typeof body?.requestId === 'string' ? body.requestId : undefined,
    );
  }
}

/** Field paths come as `body.password`, `scopes.0` or `password`: the form field is the first meaningful segment. */
export function fieldRoot(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'querystring' && p !== 'params');
  return parts[0] ?? path;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence to show a person for any error thrown by a request. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
