#!/usr/bin/env node
// The CLI runs its TypeScript sources directly (the workspace packages export source, not builds).
import { register } from "tsx/esm/api";

register();
// Node 20 is the supported floor; the AWS SDK's multi-line warning about Node 22 would only add noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { execute } = await import("@oclif/core");
await execute({ dir: import.meta.url });
