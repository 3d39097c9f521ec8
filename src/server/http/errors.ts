// The one error type of the API and the handlers that turn every failure into the wire body
// `{error: {code, message, issues?}}`: never a stack trace, never a 5xx for bad input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from '../../shared/zod';
import { applySecurityHeaders } from './security';

/** An error with its HTTP status and wire code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Parses `input` with `schema`, or throws 400 `validation_failed` with the zod issues. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const res = schema.safeParse(input);
  if (!res.success)
    throw new HttpError(400, 'validation_failed', 'the request is not valid', res.error.issues);
  return res.data;
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length'],
};

function classify(err: FastifyError): [number, string, string] {
  const known = FASTIFY_CODES[err.code];
  if (known) return [known[0], known[1], err.message];
  if (err instanceof SyntaxError) return [400, 'invalid_json', 'the body is not valid JSON'];
  const status = err.statusCode ?? 500;
  if (status === 429) return [429, 'rate_limited', 'too many requests, try again later'];
  if (status >= 400 && status < 500) return [status, 'bad_request', err.message];
  return [500, 'internal_error', 'something went wrong on the server'];
}

/** Installs the error and not-found handlers on the app. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      if (err.headers) void reply.headers(err.headers);
      const body = { code: err.code, message: err.message, ...(err.issues && { issues: err.issues }) };
      return reply.code(err.statusCode).send({ error: body });
    }
    if (err instanceof z.ZodError) {
      return reply.code(400).send({
        error: { code: 'validation_failed', message: 'the request is not valid', issues: err.issues },
      });
    }
    const [status, code, message] = classify(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: { code, message } });
  });
}

const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_BAD_URL: [400, 'bad_url', 'the URL is malformed'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'path_too_long', 'a path parameter is too long'],
};

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route runs (a URL
 * that does not decode, an over-long path parameter) get the one error body too, not Fastify's
 * own (which echoes the whole URL back).
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] = FRAMEWORK_ERRORS[err.code] ?? [
    400,
    'bad_request',
    'the request is not valid',
  ];
  // No hook has run for these answers, so the security headers are set here.
  const send = () => void reply.code(status).send({ error: { code, message } });
  applySecurityHeaders(reply).then(send, send);
}

/** The 404 body for an unknown route or missing file. */
export function notFoundBody() {
  return { error: { code: 'not_found', message: 'not found' } };
}
