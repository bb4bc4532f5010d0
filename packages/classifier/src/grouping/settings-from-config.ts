// Maps the INCIDENT_* configuration values (already validated by packages/config) onto the
// grouping settings, so the worker and the classify command read them the same way.
import { DEFAULT_GROUP_SETTINGS, type GroupSettings } from "./settings.js";

export interface IncidentConfig {
  INCIDENT_WINDOW_MINUTES: number;
  INCIDENT_MIN_SENDERS: number;
  INCIDENT_GROUP_WAIT_SECONDS: number;
  INCIDENT_RESOLVE_MINUTES: number;
  INCIDENT_RATE_FACTOR: number;
  INCIDENT_RATE_FLOOR: number;
  INCIDENT_PATTERN_DAYS: number;
  INCIDENT_PATTERN_MIN_SENDERS: number;
}

export const INCIDENT_CONFIG_KEYS = [
  "INCIDENT_WINDOW_MINUTES",
  "INCIDENT_MIN_SENDERS",
  "INCIDENT_GROUP_WAIT_SECONDS",
  "INCIDENT_RESOLVE_MINUTES",
  "INCIDENT_RATE_FACTOR",
  "INCIDENT_RATE_FLOOR",
  "INCIDENT_PATTERN_DAYS",
  "INCIDENT_PATTERN_MIN_SENDERS",
] as const;

export function settingsFromConfig(config: IncidentConfig): GroupSettings {
  return {
    ...DEFAULT_GROUP_SETTINGS,
    windowMs: config.INCIDENT_WINDOW_MINUTES * 60_000,
    minSenders: config.INCIDENT_MIN_SENDERS,
    groupWaitMs: config.INCIDENT_GROUP_WAIT_SECONDS * 1000,
    resolveQuietMs: config.INCIDENT_RESOLVE_MINUTES * 60_000,
    rateFactor: config.INCIDENT_RATE_FACTOR,
    rateFloor: config.INCIDENT_RATE_FLOOR,
    patternWindowMs: config.INCIDENT_PATTERN_DAYS * 24 * 3_600_000,
    patternMinSenders: config.INCIDENT_PATTERN_MIN_SENDERS,
    patternQuietMs: config.INCIDENT_PATTERN_DAYS * 24 * 3_600_000,
  };
}
