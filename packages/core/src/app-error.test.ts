import { describe, expect, it } from "vitest";
import { AppError, ERROR_HTTP_STATUS, httpStatusFor, isAppError } from "./app-error.js";

describe("AppError", () => {
  it("maps each code to its HTTP status from the one table", () => {
    expect(new AppError("NOT_FOUND").status).toBe(404);
    expect(new AppError("CONFIG_INVALID", { message: "DATABASE_URL: bad" }).message).toBe("DATABASE_URL: bad");
    expect(httpStatusFor(new AppError("CONFLICT"))).toBe(ERROR_HTTP_STATUS.CONFLICT);
    expect(httpStatusFor(new Error("x"))).toBe(500);
  });
  it("keeps the cause and lets callers test the code", () => {
    const cause = new Error("socket closed");
    const error = new AppError("IMAP_UNAVAILABLE", { cause });
    expect(error.cause).toBe(cause);
    expect(isAppError(error, "IMAP_UNAVAILABLE")).toBe(true);
    expect(isAppError(error, "NOT_FOUND")).toBe(false);
  });
});
