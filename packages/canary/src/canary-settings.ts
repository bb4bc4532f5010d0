// The configuration a probe needs: where it goes (CANARY_SMTP_URL, default SMTP_URL), to whom and
// from whom (CANARY_FROM, default NOTICE_FROM), with the notices' TLS settings.
import type { Config } from "@safetynet/config";

export const CANARY_CONFIG_KEYS = [
  "CANARY_SMTP_URL",
  "CANARY_TO",
  "CANARY_FROM",
  "CANARY_INTERVAL",
  "CANARY_DEADLINE",
  "SMTP_URL",
  "NOTICE_FROM",
  "SMTP_STARTTLS",
  "SMTP_TLS_REJECT_UNAUTHORIZED",
] as const satisfies readonly (keyof Config)[];

export type CanaryConfig = Pick<Config, (typeof CANARY_CONFIG_KEYS)[number]>;
