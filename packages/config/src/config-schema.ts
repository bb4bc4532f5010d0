// The run contract's environment (DESIGN.md) as one zod schema. Each command picks only the
// variables it needs, so `parse`, `classify` and `cpr` run with no environment at all.
import { z } from "zod";

const list = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean));

const urlWithScheme = (schemes: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ""));
      } catch {
        return false;
      }
    },
    { message: `expected a ${schemes.map((s) => `${s}://`).join(" or ")} URL, e.g. ${example}` },
  );

const base64Key = z.string().refine(
  (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length >= 32,
  { message: "expected at least 32 random bytes, base64-encoded (openssl rand -base64 32)" },
);

export const configSchema = z.object({
  DATABASE_URL: urlWithScheme(["postgresql", "postgres"], "postgresql://postgres@127.0.0.1:5432/safetynet").default(
    "postgresql://postgres@127.0.0.1:5432/safetynet",
  ),
  REDIS_URL: urlWithScheme(["redis", "rediss"], "redis://127.0.0.1:6379").default("redis://127.0.0.1:6379"),
  SAFETYNET_KEY: base64Key,
  IMAP_URL: urlWithScheme(["imap", "imaps"], "imap://user:pass@127.0.0.1:1143/INBOX").optional(),
  IMAP_ACCESS_TOKEN: z.string().min(1).optional(),
  IMAP_MARK: z.enum(["move", "keyword", "none"]).default("none"),
  IMAP_PROCESSED_FOLDER: z.string().min(1).default("Processed"),
  IMAP_RESYNC_SECONDS: z.coerce.number().int().positive().default(60),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  SMTP_URL: urlWithScheme(["smtp", "smtps"], "smtp://127.0.0.1:2525").default("smtp://127.0.0.1:2525"),
  NOTICE_FROM: z.email({ message: "expected an e-mail address, e.g. sikkerhedsnet@kommune.example" }).default(
    "sikkerhedsnet@kommune.example",
  ),
  INTERNAL_DOMAINS: list.default(["kommune.example"]),
  API_HOST: z.string().min(1).default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ADMIN_TOKEN: z.string().min(16, { message: "expected a bearer token of at least 16 characters" }).optional(),
  WEBHOOK_ALLOW_HOSTS: list.default([]),
  RETENTION_DAYS: z.coerce.number().int().positive().default(5 * 365),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

/** Variables whose values must never be echoed in an error message. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(["SAFETYNET_KEY", "ADMIN_TOKEN", "IMAP_ACCESS_TOKEN"]);
