// Format modules of mail services and hosted providers (Amazon SES/WorkMail, Gmail, Google Groups
// and Workspace, Yahoo, Outlook.com, Zoho, Yandex, mail.ru, GMX, 1&1, SendGrid, Verizon, BIGLOBE,
// Bigfoot) and of the small MTAs whose bounces carry their own marks (DragonFly, OpenSMTPD, Apache
// James). Tried first: each detects on its own sender, header or layout.
import { amazonses } from "./amazonses.js";
import { amazonworkmail } from "./amazonworkmail.js";
import { apachejames } from "./apachejames.js";
import { bigfoot } from "./bigfoot.js";
import { biglobe } from "./biglobe.js";
import { dragonfly } from "./dragonfly.js";
import { einsundeins } from "./einsundeins.js";
import { gmail } from "./gmail.js";
import { gmx } from "./gmx.js";
import { googlegroups } from "./googlegroups.js";
import { googleworkspace } from "./googleworkspace.js";
import { mailru } from "./mailru.js";
import { opensmtpd } from "./opensmtpd.js";
import { outlook } from "./outlook.js";
import { receivingses } from "./receivingses.js";
import { sendgrid } from "./sendgrid.js";
import type { LhostModule } from "./types.js";
import { verizon } from "./verizon.js";
import { yahoo } from "./yahoo.js";
import { yandex } from "./yandex.js";
import { zoho } from "./zoho.js";

export const SERVICE_MODULES: readonly LhostModule[] = [
  dragonfly,
  apachejames,
  amazonworkmail,
  receivingses,
  amazonses,
  googlegroups,
  gmail,
  googleworkspace,
  yahoo,
  opensmtpd,
  mailru,
  outlook,
  zoho,
  yandex,
  sendgrid,
  gmx,
  einsundeins,
  verizon,
  bigfoot,
  biglobe,
];
