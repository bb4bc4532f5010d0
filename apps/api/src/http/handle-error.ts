// One error handler: AppError -> its status and code; Fastify's own 4xx (validation, body too
// large, bad JSON) -> the matching code; anything else -> 500 INTERNAL. Never a stack, SQL or CPR.
import { AppError, type ErrorCode } from "@safetynet/core";
import { mask } from "@safetynet/cpr";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "VALIDATION_FAILED",
  429: "RATE_LIMITED",
};

export function errorPayload(code: string, message: string) {
  return { error: { code, message: mask(message) } };
}

function validationMessage(error: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(error)) return "the request does not match the schema";
  const where = error.validationContext ?? "request";
  return error.validation
    .slice(0, 5)
    .map((issue) => {
      const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
      return `${where}${field ? `.${field}` : ""}: ${issue.message}`;
    })
    .join("; ");
}

export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ code: error.code, err: error.name }, "request failed");
    return reply.status(error.status).send(errorPayload(error.code, error.message));
  }
  if ((error as FastifyError).validation) {
    return reply.status(400).send(errorPayload("VALIDATION_FAILED", validationMessage(error as FastifyError)));
  }
  const status = (error as FastifyError).statusCode ?? 500;
  const code = CODE_BY_STATUS[status];
  if (status < 500 && code) {
    // Fastify's own client-error messages (bad JSON, body too large) carry no request data.
    return reply.status(status).send(errorPayload(code, (error as Error).message));
  }
  request.log.error({ err: { name: (error as Error).name, code: (error as FastifyError).code } }, "request failed");
  return reply.status(500).send(errorPayload("INTERNAL", "internal error"));
}
