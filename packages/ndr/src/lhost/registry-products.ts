// Format modules of mail products run on premises: gateways and filters (Mimecast, MXLogic, McAfee,
// Trend Micro, SurfControl, Amavis, m-FILTER, MailMarshal, MailFoundry, ActiveHunter), servers
// (Domino/Notes, Exchange 2003, Courier, Messaging Server, iMail, PowerMTA, fml), Japanese mobile
// carriers' gateways (ezweb, KDDI) and Sisimai's anonymous MTAs X1-X6 and V5 Sendmail.
// Order: modules that detect on a vendor header first, subject/layout-only detectors last
// (x2, x4 and v5sendmail share subjects with stock qmail and Sendmail bounces).
import { activehunter } from "./activehunter.js";
import { amavis } from "./amavis.js";
import { courier } from "./courier.js";
import { domino } from "./domino.js";
import { exchange2003 } from "./exchange2003.js";
import { ezweb } from "./ezweb.js";
import { fml } from "./fml.js";
import { imailserver } from "./imailserver.js";
import { kddi } from "./kddi.js";
import { mailfoundry } from "./mailfoundry.js";
import { mailmarshal } from "./mailmarshal.js";
import { mcafee } from "./mcafee.js";
import { messagingserver } from "./messagingserver.js";
import { mfilter } from "./mfilter.js";
import { mimecast } from "./mimecast.js";
import { mxlogic } from "./mxlogic.js";
import { notes } from "./notes.js";
import { powermta } from "./powermta.js";
import { surfcontrol } from "./surfcontrol.js";
import { trendmicro } from "./trendmicro.js";
import type { LhostModule } from "./types.js";
import { v5sendmail } from "./v5sendmail.js";
import { x1 } from "./x1.js";
import { x2 } from "./x2.js";
import { x3 } from "./x3.js";
import { x4 } from "./x4.js";
import { x5 } from "./x5.js";
import { x6 } from "./x6.js";

export const PRODUCT_MODULES: readonly LhostModule[] = [
  x5,
  mxlogic,
  surfcontrol,
  mcafee,
  activehunter,
  mfilter,
  mailfoundry,
  powermta,
  amavis,
  fml,
  trendmicro,
  ezweb,
  kddi,
  exchange2003,
  domino,
  courier,
  messagingserver,
  mimecast,
  imailserver,
  mailmarshal,
  x1,
  x3,
  x6,
  notes,
  x2,
  x4,
  v5sendmail,
];
