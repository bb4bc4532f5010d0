// The one error shape every route answers with, as a schema for the OpenAPI document.
import { z } from "zod";

export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .describe("Every error: an AppError code (packages/core) and a message safe to show");

/** Response schemas of a route: its success bodies plus the error shape for the usual failures. */
export function withErrors<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };
}
