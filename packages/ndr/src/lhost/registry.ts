// The ordered list of format modules. `parseMessage` asks each module whose detect() fires, in
// this order, then the standard fallbacks. Each lane has its own list file so that engineers
// adding vendor modules at the same time never edit the same line.
import { arf } from "./arf.js";
import { CORE_VENDORS } from "./registry-core.js";
import { LANE_A } from "./registry-lane-a.js";
import { LANE_B } from "./registry-lane-b.js";
import { rfc3464 } from "./rfc3464.js";
import { rfc3834 } from "./rfc3834.js";
import type { LhostModule } from "./types.js";

/** Vendor / MTA families (lhost-*.eml in the corpus). The lanes' specific formats come before the generic MTAs. */
export const VENDOR: readonly LhostModule[] = [...LANE_A, ...LANE_B, ...CORE_VENDORS];

/** Tried after every vendor module: the standards. */
export const FALLBACK: readonly LhostModule[] = [rfc3464, rfc3834];

/** ARF reports are recognised before anything else: they are never failures. */
export const FIRST: readonly LhostModule[] = [arf];

export const ALL_MODULES: readonly LhostModule[] = [...FIRST, ...VENDOR, ...FALLBACK];
