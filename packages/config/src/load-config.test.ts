import { describe, expect, it } from "vitest";
import { parseConfig } from "./load-config.js";

const KEY = Buffer.alloc(32, 7).toString("base64");

describe("parseConfig", () => {
  it("applies the run contract's defaults", () => {
    const config = parseConfig({ SAFETYNET_KEY: KEY });
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/safetynet");
    expect(config.API_PORT).toBe(8080);
    expect(config.INTERNAL_DOMAINS).toEqual(["kommune.example"]);
  });

  it("rejects a bad DATABASE_URL with a message naming the variable", () => {
    expect(() => parseConfig({ SAFETYNET_KEY: KEY, DATABASE_URL: "mysql://x@y/z" })).toThrow(
      /DATABASE_URL: expected a postgresql:\/\/ or postgres:\/\/ URL.*got "mysql:\/\/x@y\/z"/,
    );
  });

  it("names a missing key without echoing secrets", () => {
    expect(() => parseConfig({})).toThrow(/SAFETYNET_KEY: .*it is not set/);
    const error = (() => {
      try {
        parseConfig({ SAFETYNET_KEY: "c2hvcnQ=" });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/SAFETYNET_KEY/);
    expect(error?.message).not.toContain("c2hvcnQ=");
  });

  it("validates only the keys a command asks for", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://a@b/c" }, ["DATABASE_URL"]);
    expect(config).toEqual({ DATABASE_URL: "postgresql://a@b/c" });
  });

  it("reads canary and alarm durations such as 1h and 30m as milliseconds", () => {
    const config = parseConfig({ CANARY_INTERVAL: "1h", CANARY_DEADLINE: "90s" }, [
      "CANARY_INTERVAL",
      "CANARY_DEADLINE",
    ]);
    expect(config).toEqual({ CANARY_INTERVAL: 3_600_000, CANARY_DEADLINE: 90_000 });
    expect(parseConfig({}, ["CANARY_DEADLINE", "ALARM_REPEAT"])).toEqual({
      CANARY_DEADLINE: 1_800_000,
      ALARM_REPEAT: 14_400_000,
    });
    expect(() => parseConfig({ CANARY_INTERVAL: "hourly" }, ["CANARY_INTERVAL"])).toThrow(
      /CANARY_INTERVAL: expected a duration such as 30s, 30m, 1h or 2d/,
    );
  });

  it("splits comma lists", () => {
    const config = parseConfig({ SAFETYNET_KEY: KEY, INTERNAL_DOMAINS: "Kommune.example, borger.example" });
    expect(config.INTERNAL_DOMAINS).toEqual(["kommune.example", "borger.example"]);
  });
});
