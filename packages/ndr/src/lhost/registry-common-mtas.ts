// Format modules of the common MTAs (Office 365 and Exchange 2007+, Postfix, Exim, qmail, Sendmail):
// tried after the services' and products' modules, whose bounces often come through one of them.
import { exchange2007 } from "./exchange2007.js";
import { exim } from "./exim.js";
import { office365 } from "./office365.js";
import { postfix } from "./postfix.js";
import { qmail } from "./qmail.js";
import { sendmail } from "./sendmail.js";
import type { LhostModule } from "./types.js";

export const COMMON_MTA_MODULES: readonly LhostModule[] = [office365, exchange2007, postfix, exim, qmail, sendmail];
