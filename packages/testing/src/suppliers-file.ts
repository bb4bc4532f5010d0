// The suppliers file of the tests' secure-mail supplier: the relay and gateway hosts the classifier
// scenarios bounce through (*.sikkermail.example), one webhook endpoint on a loopback receiver.
import { writeFile } from "node:fs/promises";
import path from "node:path";

export interface TestSupplier {
  /** The endpoint's URL (the receiver's, with a path of its own). */
  url: string;
  /** whsec_...: the receiver verifies signatures with it. */
  secret: string;
  contact?: string;
}

/** Writes `suppliers.yaml` into `dir` (for SUPPLIERS_FILE) and returns its path. */
export async function writeSuppliersFile(dir: string, supplier: TestSupplier): Promise<string> {
  const file = path.join(dir, "suppliers.yaml");
  await writeFile(
    file,
    [
      "suppliers:",
      "  - id: sikkermail",
      "    name: Secure mail supplier",
      ...(supplier.contact ? [`    contact: ${supplier.contact}`] : []),
      "    match:",
      "      hosts: ['*.sikkermail.example']",
      "    endpoints:",
      `      - url: ${supplier.url}`,
      `        secret: ${supplier.secret}`,
    ].join("\n"),
  );
  return file;
}
