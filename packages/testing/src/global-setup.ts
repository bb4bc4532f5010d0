// vitest globalSetup for the integration project: the migrated template database exists
// before any test file clones it.
import { prepareTemplateDatabase } from "./test-database.js";

export default async function setup(): Promise<void> {
  await prepareTemplateDatabase();
}
