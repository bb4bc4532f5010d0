// The run contract's environment (DESIGN.md) as one zod schema. Each command picks only the
// variables it needs, so `parse`, `classify` and `cpr` run with no environment at all.
import { z } from "zod";

const list = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean),
);

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

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const base64Key = z
  .string()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length >= 32, {
    message: "expected at least 32 random bytes, base64-encoded (openssl rand -base64 32)",
  });

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `90s`, `30m`, `1h` or `2d`, as milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, { message: "expected a duration such as 30s, 30m, 1h or 2d" })
  .transform((value) => {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value)!;
    return Math.round(Number(amount) * DURATION_UNITS[unit!]!);
  })
  .refine((ms) => ms > 0, { message: "expected a duration above zero" });

export const configSchema = z.object({
  DATABASE_URL: urlWithScheme(["postgresql", "postgres"], "postgresql://postgres@127.0.0.1:5432/safetynet").default(
    "postgresql://postgres@127.0.0.1:5432/safetynet",
  ),
  REDIS_URL: urlWithScheme(["redis", "rediss"], "redis://127.0.0.1:6379").default("redis://127.0.0.1:6379"),
  /** Key prefix for every queue and lease in Redis (tests use a fresh one each). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { message: "expected letters, digits, - or _" })
    .default("safetynet"),
  SAFETYNET_KEY: base64Key,
  IMAP_URL: urlWithScheme(["imap", "imaps"], "imap://user:pass@127.0.0.1:1143/INBOX").optional(),
  IMAP_ACCESS_TOKEN: z.string().min(1).optional(),
  /**
   * OAuth2 client credentials (RFC 6749 section 4.4) for XOAUTH2 (Microsoft 365): the poller asks
   * the token endpoint for access tokens, renews them before they expire, and once on a refused login.
   */
  IMAP_OAUTH_TOKEN_URL: urlWithScheme(
    ["https", "http"],
    "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
  ).optional(),
  IMAP_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  IMAP_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  IMAP_OAUTH_SCOPE: z.string().min(1).default("https://outlook.office365.com/.default"),
  IMAP_MARK: z.enum(["move", "keyword", "none"]).default("none"),
  IMAP_PROCESSED_FOLDER: z.string().min(1).default("Processed"),
  IMAP_RESYNC_SECONDS: z.coerce.number().int().positive().default(60),
  IMAP_FULL_SYNC_SECONDS: z.coerce.number().int().positive().default(3600),
  IMAP_IDLE: flag.default(true),
  IMAP_KEYWORD: z
    .string()
    .regex(/^[^\s()"{\]%*\\]+$/, { message: "expected an IMAP keyword (an atom), e.g. $SafetyNet" })
    .default("$SafetyNet"),
  IMAP_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  IMAP_LEASE_SECONDS: z.coerce.number().positive().default(30),
  IMAP_BACKOFF_MAX_SECONDS: z.coerce.number().positive().default(300),
  IMAP_MAILBOX_RELOAD_SECONDS: z.coerce.number().positive().default(30),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  SMTP_URL: urlWithScheme(["smtp", "smtps"], "smtp://127.0.0.1:2525").default("smtp://127.0.0.1:2525"),
  NOTICE_FROM: z
    .email({ message: "expected an e-mail address, e.g. sikkerhedsnet@kommune.example" })
    .default("sikkerhedsnet@kommune.example"),
  INTERNAL_DOMAINS: list.default(["kommune.example"]),
  /** Sender notices (packages/notify/README.md): who is told when nobody else can be. */
  TEAM_MAILBOX: z.email({ message: "expected an e-mail address, e.g. it-sikkerhed@kommune.example" }).optional(),
  /** Who to contact, printed in every notice (a name, phone or address); defaults to TEAM_MAILBOX. */
  NOTICE_CONTACT: z.string().min(1).max(200).optional(),
  /** Window in which one person's notices beyond NOTICE_DIGEST_THRESHOLD are gathered into one digest. */
  NOTICE_DIGEST_MINUTES: z.coerce.number().min(0).default(10),
  NOTICE_DIGEST_THRESHOLD: z.coerce.number().int().min(1).default(3),
  /**
   * Ceiling on notices per second across all worker processes, sized to the relay that carries
   * them (packages/notify/README.md); 0 means none. Far above a normal day (hundreds of notices).
   */
  NOTICE_RELAY_RATE: z.coerce.number().int().min(0).default(2000),
  /**
   * A notice whose SMTP DATA phase a crash cut off may or may not have been accepted: `resend` sends
   * it again (same Message-ID, marked as a possible repeat), `hold` leaves it `uncertain` for staff.
   */
  NOTICE_ON_UNCERTAIN: z.enum(["resend", "hold"]).default("resend"),
  /** smtp:// upgrades with STARTTLS when offered (`opportunistic`), always (`required`) or never (`off`). */
  SMTP_STARTTLS: z.enum(["opportunistic", "required", "off"]).default("opportunistic"),
  SMTP_TLS_REJECT_UNAUTHORIZED: flag.default(true),
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Notices one worker process has inside DATA at once (between the relay's 354 and its reply to
   * the end of DATA). A crash can leave at most this many possibly delivered (counted, and sent
   * again marked as possible repeats or held, NOTICE_ON_UNCERTAIN); one at a time caps a process
   * at 1 / (the relay's reply time): 10 notices/s behind a relay that scans for 100 ms.
   */
  NOTICE_DATA_WINDOW: z.coerce.number().int().min(1).max(100).default(10),
  /** Incident grouping (packages/classifier/README.md): N distinct senders within W make a fault systemic. */
  INCIDENT_WINDOW_MINUTES: z.coerce.number().positive().default(60),
  INCIDENT_MIN_SENDERS: z.coerce.number().int().min(1).default(3),
  /** Hold before a new systemic incident counts and is escalated (Alertmanager's group wait). */
  INCIDENT_GROUP_WAIT_SECONDS: z.coerce.number().min(0).default(300),
  /** A systemic incident with no new failure for this long resolves; a later failure opens a linked one. */
  INCIDENT_RESOLVE_MINUTES: z.coerce.number().positive().default(240),
  /** Rate jump: failures in W at least FACTOR x the same-weekday baseline and at least FLOOR. */
  INCIDENT_RATE_FACTOR: z.coerce.number().positive().default(3),
  INCIDENT_RATE_FLOOR: z.coerce.number().int().min(1).default(10),
  /** Many senders making one individual mistake (CPR in the subject): a `pattern` for the team. */
  INCIDENT_PATTERN_DAYS: z.coerce.number().positive().default(7),
  INCIDENT_PATTERN_MIN_SENDERS: z.coerce.number().int().min(1).default(3),
  /** JSON file of responsibility rules (format in packages/classifier/README.md); default: the built-in rules. */
  RESPONSIBILITY_RULES: z.string().min(1).optional(),
  /**
   * Ingest jobs one worker process holds at a time; their messages share transactions (batches of
   * up to half of it). bench/classify: 128 gave 1,400-1,480 failures/s here, 256 gave 1,580-1,690.
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(256),
  /** The canary (packages/canary/README.md): the path a real secure mail takes; default SMTP_URL. */
  CANARY_SMTP_URL: urlWithScheme(["smtp", "smtps"], "smtp://gateway.kommune.example:25").optional(),
  /** The probe's recipient outside the organisation; no probe goes out while it is unset. */
  CANARY_TO: z.email({ message: "expected an e-mail address, e.g. canary@modtager.example" }).optional(),
  /** The probe's sender; default NOTICE_FROM. */
  CANARY_FROM: z.email({ message: "expected an e-mail address, e.g. sikkerhedsnet@kommune.example" }).optional(),
  CANARY_INTERVAL: duration.default(3_600_000),
  CANARY_DEADLINE: duration.default(30 * 60_000),
  /** Alarms (packages/canary/README.md#alarms): how often they are evaluated and how often one still firing repeats. */
  ALARM_CHECK_INTERVAL: duration.default(60_000),
  ALARM_REPEAT: duration.default(4 * 3_600_000),
  /** A mailbox is silent when quiet longer than its usual gap (learned), and never below this floor. */
  ALARM_SILENCE_FLOOR: duration.default(2 * 3_600_000),
  ALARM_DISCONNECTED_AFTER: duration.default(10 * 60_000),
  ALARM_QUEUE_AGE: duration.default(15 * 60_000),
  ALARM_QUEUE_BACKLOG: z.coerce.number().int().min(1).default(10_000),
  /** Operations webhook for alarms, signed the Standard Webhooks way with OPS_WEBHOOK_SECRET (whsec_...). */
  OPS_WEBHOOK_URL: urlWithScheme(["http", "https"], "https://ops.kommune.example/hooks/safetynet").optional(),
  OPS_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { message: "expected whsec_ followed by base64" })
    .optional(),
  /** The team's daily digest: a cron pattern in DIGEST_TZ (default 07:30 Copenhagen time). */
  DIGEST_CRON: z.string().min(9).default("30 7 * * *"),
  DIGEST_TZ: z.string().min(1).default("Europe/Copenhagen"),
  API_HOST: z.string().min(1).default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ADMIN_TOKEN: z.string().min(16, { message: "expected a bearer token of at least 16 characters" }).optional(),
  /** Hosts exempt from the webhook private-address guard: names or addresses, `*.suffix` for a domain. */
  WEBHOOK_ALLOW_HOSTS: list.default([]),
  /** Seeds suppliers and their webhook endpoints at worker start (JSON or YAML; packages/webhooks/README.md). */
  SUPPLIERS_FILE: z.string().min(1).optional(),
  /** How long a rotated-out webhook secret still signs (a second signature), in hours. */
  WEBHOOK_SECRET_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Where staff reach the dashboard; webhook payloads link incidents under it. Default http://API_HOST:API_PORT. */
  PUBLIC_URL: urlWithScheme(["https", "http"], "https://safetynet.kommune.example").optional(),
  RETENTION_DAYS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 365),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Readable lines or JSON: `auto` (lines on a terminal, JSON elsewhere), `pretty` (lines anywhere: the demo), `json`. */
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

/** Variables whose values must never be echoed in an error message. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "SAFETYNET_KEY",
  "ADMIN_TOKEN",
  "IMAP_ACCESS_TOKEN",
  "IMAP_OAUTH_CLIENT_SECRET",
  "IMAP_URL",
  "SMTP_URL",
  "CANARY_SMTP_URL",
  "OPS_WEBHOOK_SECRET",
]);
