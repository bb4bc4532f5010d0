// Grouping defaults (configurable through INCIDENT_* variables): Alertmanager's group wait and
// resolve timeout, PagerDuty's "N distinct sources in a window", a same-weekday rate baseline.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface GroupSettings {
  /** W: the window in which distinct senders are counted. */
  windowMs: number;
  /** N: distinct senders within W that make a fingerprint systemic. */
  minSenders: number;
  /** Hold before a new systemic incident counts (and is escalated), to let a group form. */
  groupWaitMs: number;
  /** A systemic incident with no failure for this long resolves; longer than a flap's gaps. */
  resolveQuietMs: number;
  /** Rate jump: failures in W at least this many times the same-weekday baseline ... */
  rateFactor: number;
  /** ... and at least this many, so a quiet fingerprint's first few failures are no "jump". */
  rateFloor: number;
  /** How many earlier same weekdays form the baseline. */
  baselineWeeks: number;
  /** Window and distinct senders for a `pattern` (many senders, one individual mistake). */
  patternWindowMs: number;
  patternMinSenders: number;
  /** A pattern with no new case for this long resolves. */
  patternQuietMs: number;
  /** failureCount values at which an `incident.updated` event is sent. */
  updateMilestones: readonly number[];
}

export const DEFAULT_GROUP_SETTINGS: GroupSettings = {
  windowMs: 60 * MINUTE,
  minSenders: 3,
  groupWaitMs: 5 * MINUTE,
  resolveQuietMs: 4 * HOUR,
  rateFactor: 3,
  rateFloor: 10,
  baselineWeeks: 4,
  patternWindowMs: 7 * DAY,
  patternMinSenders: 3,
  patternQuietMs: 7 * DAY,
  updateMilestones: [10, 100, 1000, 10000],
};

/** The windows of earlier same weekdays whose failure counts form the baseline. */
export function baselineRanges(at: number, settings: GroupSettings): { from: number; to: number }[] {
  return Array.from({ length: settings.baselineWeeks }, (_, index) => {
    const to = at - (index + 1) * 7 * DAY;
    return { from: to - settings.windowMs, to };
  });
}

/** How far back unattached failures of a fingerprint matter. */
export function lookbackMs(patternable: boolean, settings: GroupSettings): number {
  return patternable ? Math.max(settings.patternWindowMs, settings.windowMs) : settings.windowMs;
}
