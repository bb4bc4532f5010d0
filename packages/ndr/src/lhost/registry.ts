// The ordered list of format modules. `parseMessage` asks each module whose detect() fires, in
// this order, then the standard fallbacks. The vendor lists are kept by kind of sender in their
// own files: services, then products, then the common MTAs their bounces often pass through.
import { arf } from "./arf.js";
import { COMMON_MTA_MODULES } from "./registry-common-mtas.js";
import { PRODUCT_MODULES } from "./registry-products.js";
import { SERVICE_MODULES } from "./registry-services.js";
import { rfc3464 } from "./rfc3464.js";
import { rfc3834 } from "./rfc3834.js";
import type { LhostModule } from "./types.js";

/** Vendor / MTA families (lhost-*.eml in the corpus): the specific formats before the common MTAs. */
export const VENDOR: readonly LhostModule[] = [...SERVICE_MODULES, ...PRODUCT_MODULES, ...COMMON_MTA_MODULES];

/** Tried after every vendor module: the standards. */
export const FALLBACK: readonly LhostModule[] = [rfc3464, rfc3834];

/** ARF reports are recognised before anything else: they are never failures. */
export const FIRST: readonly LhostModule[] = [arf];

export const ALL_MODULES: readonly LhostModule[] = [...FIRST, ...VENDOR, ...FALLBACK];
