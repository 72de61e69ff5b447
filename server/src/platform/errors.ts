/** The one error type services throw. Rendered as RFC 9457 problem+json by the error handler. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', 404, `${what} was not found`);
export const forbidden = (detail = 'You are not allowed to do this') => new AppError('forbidden', 403, detail);
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Log in to continue');
