// Preload for tests (`node --import ./record-imports.mjs`): appends the URL of every module the
// process imports to the file in SAFETYNET_RECORD_IMPORTS, one per line, from node's resolve hook.
import { register } from "node:module";

// Tests only: the one place outside packages/config that reads the environment, because it
// runs before (and outside) the command under test.
const file = process.env.SAFETYNET_RECORD_IMPORTS;
if (file) register("./record-imports-hooks.mjs", import.meta.url, { data: { file } });
