#!/usr/bin/env node
// The CLI runs its TypeScript sources directly (the workspace packages export source, not builds).
import { register } from "tsx/esm/api";

register();
const { execute } = await import("@oclif/core");
await execute({ dir: import.meta.url });
