import { describe, expect, it } from "vitest";
import { isPermanentAuthFailure } from "./auth-failure.js";

describe("isPermanentAuthFailure", () => {
  it("stops on refused credentials", () => {
    expect(isPermanentAuthFailure({ authenticationFailed: true, serverResponseCode: "AUTHENTICATIONFAILED" })).toBe(
      true,
    );
    expect(isPermanentAuthFailure({ authenticationFailed: true, responseText: "Authentication failed." })).toBe(true);
  });
  it("retries a temporary failure and anything that is not an auth failure", () => {
    expect(isPermanentAuthFailure({ authenticationFailed: true, serverResponseCode: "UNAVAILABLE" })).toBe(false);
    expect(
      isPermanentAuthFailure({
        authenticationFailed: true,
        responseText: "Temporary authentication failure. [host:2026]",
      }),
    ).toBe(false);
    expect(isPermanentAuthFailure({})).toBe(false);
  });
});
