// The NDR stream of a reliability run: mostly individual failures, each from its own caseworker
// (so each needs exactly one notice), and a few supplier gateway outages, each many senders within
// seconds through one supplier's failing gateway: systemic incidents that supplier hears about by webhook.
import { makeDsn } from "@safetynet/classifier/test-support";

export interface PlannedNdr {
  index: number;
  /** The original sender: an internal caseworker, the notice's recipient. */
  sender: string;
  /** The outage (0-based) this NDR belongs to, or null for an individual failure. */
  outage: number | null;
}

// Letters, not numbers: the grouping takes numbered hosts (gw1, gw2) for members of one cluster.
const SUPPLIERS = ["alfapost", "brevsikker", "certmail", "datapost", "ekspedit", "fjordpost"];

/** Outage k is supplier k's gateway: one incident per supplier, whatever the timing. */
export const supplierId = (outage: number) => {
  const id = SUPPLIERS[outage];
  if (!id) throw new Error(`at most ${SUPPLIERS.length} outages`);
  return id;
};
const gatewayOf = (outage: number) => `gw.${supplierId(outage)}.example`;
export const supplierHosts = (outage: number) => [`*.${supplierId(outage)}.example`];

/**
 * `count` NDRs in delivery order. Outage k's NDRs are delivered together, early in the stream (from
 * 5% to 35% of it), so each incident also goes quiet and resolves while the run drains.
 */
export function planNdrs(count: number, outages: number, outageSize: number): PlannedNdr[] {
  const starts = Array.from({ length: outages }, (_, k) => Math.floor(count * (0.05 + (0.3 * k) / outages)));
  if (starts.some((start, k) => start + outageSize > (starts[k + 1] ?? count)))
    throw new Error(`${outages} outages of ${outageSize} do not fit apart in ${count} NDRs`);
  let individual = 0;
  return Array.from({ length: count }, (_, index): PlannedNdr => {
    const k = starts.findIndex((start) => index >= start && index < start + outageSize);
    if (k >= 0) return { index, sender: `medarbejder${k}-${index - starts[k]!}@kommune.example`, outage: k };
    return { index, sender: `sagsbehandler${individual++}@kommune.example`, outage: null };
  });
}

/** The NDR's bytes, dated now (its Date header is the failure's time, which the grouping orders by). */
export function buildNdr(ndr: PlannedNdr, now: Date): Buffer {
  const id = `rel-${ndr.index}-${now.getTime()}`;
  if (ndr.outage === null) {
    return Buffer.from(
      makeDsn({
        id,
        date: now,
        from: ndr.sender,
        to: `borger${ndr.index}@modtager${ndr.index}.example`,
        subject: `Sag nr. ${10_000 + ndr.index}`,
        status: "5.1.1",
        diagnostic: "550 5.1.1 <recipient>: Recipient address rejected: User unknown in virtual mailbox table",
        reportingMta: "relay1.kommune.example",
      }),
    );
  }
  const gateway = gatewayOf(ndr.outage);
  return Buffer.from(
    makeDsn({
      id,
      date: now,
      from: ndr.sender,
      to: `borger${ndr.index}@extern${ndr.index}.example`,
      subject: `Sikker post ${ndr.index}`,
      status: "4.4.1",
      diagnostic: `delivery temporarily suspended: connect to ${gateway}[10.0.${ndr.outage}.1]:25: Connection timed out`,
      reportingMta: "relay1.kommune.example",
      remoteMta: gateway,
    }),
  );
}
