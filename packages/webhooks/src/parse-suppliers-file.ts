// The suppliers seeding file (SUPPLIERS_FILE, JSON or YAML): who the suppliers are, which hosts,
// gateways (components) and domains attribute failures to them, whom to contact, and where their
// webhooks go. Validated with zod so a mistake stops the worker at start with the field's path.
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-types.js";

const SUPPLIER_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const webhookUrlSchema = z
  .string()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: "expected an http(s) URL without credentials, e.g. https://hooks.example/safetynet" },
  );

export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, { message: "expected whsec_ followed by base64 (at least 12 bytes)" });

export const supplierEndpointSchema = z
  .object({
    url: webhookUrlSchema,
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES))
      .min(1)
      .default(["incident.opened", "incident.updated", "incident.resolved"]),
    /** Agreed with the supplier; when absent one is generated (read it by rotating through the API). */
    secret: webhookSecretSchema.optional(),
  })
  .strict();

export const supplierEntrySchema = z
  .object({
    id: z.string().regex(SUPPLIER_ID, { message: "expected a lower-case id such as sikkermail" }),
    name: z.string().min(1).max(200),
    contact: z.string().min(1).max(300).optional(),
    match: z
      .object({
        /** Host patterns (`*.sikkermail.example`) of MTAs the supplier runs. */
        hosts: z.array(z.string().min(1)).default([]),
        /** Components: words naming the supplier's gateway in diagnostic text. */
        gateways: z.array(z.string().min(1)).default([]),
        /** Recipient domains whose mail service the supplier runs. */
        domains: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    endpoints: z.array(supplierEndpointSchema).default([]),
  })
  .strict();

export const suppliersFileSchema = z
  .object({ version: z.literal(1).default(1), suppliers: z.array(supplierEntrySchema) })
  .strict()
  .refine((file) => new Set(file.suppliers.map((s) => s.id)).size === file.suppliers.length, {
    message: "supplier ids must be unique",
  });

export type SupplierEntry = z.infer<typeof supplierEntrySchema>;
export type SuppliersFile = z.infer<typeof suppliersFileSchema>;

/** Parses the file's text; YAML when the name ends in .yaml/.yml, else JSON. Throws with the field's path. */
export function parseSuppliersFile(text: string, fileName: string): SuppliersFile {
  const data: unknown = /\.ya?ml$/i.test(fileName) ? parseYaml(text) : JSON.parse(text);
  const result = suppliersFileSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new Error(`${fileName}: ${issues.join("; ")}`);
  }
  return result.data;
}
