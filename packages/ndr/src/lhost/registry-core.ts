// Vendor modules owned by the ndr lead (see README.md in this folder). Generic MTAs last.
import { exchange2007 } from "./exchange2007.js";
import { exim } from "./exim.js";
import { office365 } from "./office365.js";
import { postfix } from "./postfix.js";
import { qmail } from "./qmail.js";
import { sendmail } from "./sendmail.js";
import type { LhostModule } from "./types.js";

export const CORE_VENDORS: readonly LhostModule[] = [office365, exchange2007, postfix, exim, qmail, sendmail];
