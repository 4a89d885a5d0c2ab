import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The umask of the local stack: every folder it creates is 0700 and every file 0600. Its data
 * holds the demo accounts' passwords (cognito-local keeps them in plain text), the deployment
 * keys and every ballot: nobody else on the machine has any business reading them.
 */
export const OWNER_ONLY_UMASK = 0o077;

/**
 * Takes away every permission of group and others from a file, or a folder and all it holds,
 * as earlier versions left them (0644 files, 0666 databases). Only what this user owns is
 * touched; symbolic links are not followed. Returns the paths it changed.
 */
export function restrictToOwner(path: string): string[] {
  if (!existsSync(path)) return [];
  const changed: string[] = [];
  const visit = (entry: string) => {
    const stat = lstatSync(entry, { throwIfNoEntry: false });
    // Gone since its folder was read (a running server's temporary file), or not ours to change.
    if (!stat || stat.isSymbolicLink() || (process.getuid && stat.uid !== process.getuid())) return;
    if ((stat.mode & 0o077) !== 0) {
      chmodSync(entry, stat.mode & 0o700);
      changed.push(entry);
    }
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(join(entry, name));
  };
  visit(path);
  return changed;
}
