// Vendor modules of lane A (see README.md in this folder). Add: import the module, add it here.
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

export const LANE_A: readonly LhostModule[] = [
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
