#!/usr/bin/env node
// Entry point for `npx safetynet`: runs the TypeScript sources through tsx (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
