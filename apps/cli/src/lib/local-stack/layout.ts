import { resolve } from "node:path";

/** Where the local stack keeps its state, under the git-ignored data folder (`.landslide/` by default). */
export function stackLayout(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    /** DynamoDB Local, cognito-local and PostgreSQL files: removing this folder starts empty. */
    data: resolve(root, "data"),
    logs: resolve(root, "logs"),
    scratch: resolve(root, "tmp"),
    credentials: resolve(root, "credentials.json"),
    /** Written while `election local up` runs, so `local status` and `local down` can find it. */
    runFile: resolve(root, "stack.json"),
  };
}

export type StackLayout = ReturnType<typeof stackLayout>;
