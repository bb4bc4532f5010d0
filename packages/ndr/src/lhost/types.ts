// The contract of a per-format module ("lhost" as in Sisimai: the local host that wrote the
// bounce). Modules only extract evidence; the shared pipeline decides reason, hardBounce, cause.
import type { Reason } from "@safetynet/core";
import type { Headers } from "../mime/header.js";
import type { MailView } from "../mime/mail-view.js";
import type { Action, Kind } from "../types.js";

/** What a module found about one recipient. Leave a field out when the bounce does not say it. */
export interface RawRecipient {
  address: string;
  action?: Action;
  status?: string | null;
  replyCode?: string | null;
  /** The text the remote or local MTA gave (will be CPR-masked on output). */
  diagnosticCode?: string | null;
  /** Diagnostic-Code type token ("smtp", "x-unix", "x-postfix"), helps the reason decision. */
  diagnosticType?: string | null;
  remoteMta?: string | null;
  smtpCommand?: string | null;
  /** Only when the bounce itself names the cause unambiguously (e.g. Exim "retry timeout exceeded"). */
  reason?: Reason | null;
  /**
   * Set when `reason` must stand even if it is one of the weak ones (expired, systemerror, ...)
   * that the shared decision otherwise re-examines: e.g. Sendmail's own "could not be delivered for 5 days".
   */
  reasonIsFinal?: boolean;
  originalRecipient?: string | null;
  lastAttemptDate?: string | null;
  feedbackType?: string;
}

export interface LhostResult {
  /** Defaults to a kind inferred from the recipients' actions. */
  kind?: Kind;
  reportingMta?: string | null;
  arrivalDate?: string | null;
  recipients: RawRecipient[];
  /** Headers of the original when the module cut them out of the text itself. */
  originalHeaders?: Headers | null;
}

/** A vendor's own wording mapped to a reason; `when` is tested on the lower-cased diagnostic text. */
export interface ReasonRule {
  when: RegExp;
  reason: Reason;
}

export interface LhostModule {
  /** Output value of `decodedBy`, e.g. "postfix". Lower-case, stable. */
  name: string;
  /** Cheap test on headers/subject/first lines; no full-body scans, no heavy regexes. */
  detect(mail: MailView): boolean;
  /** Extract recipients; return null (or no recipients) when this is not the module's format after all. */
  parse(mail: MailView): LhostResult | null;
  /**
   * Optional: this family's own wording -> reason, tried before the shared tables (after an
   * explicit `reason` on the recipient). Name the server behaviour in a comment per rule.
   */
  reasonRules?: readonly ReasonRule[];
}
