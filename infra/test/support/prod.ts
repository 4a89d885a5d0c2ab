import { synthesizeStacks } from "./app";

/**
 * The production environment, synthesized once per test worker and shared by the stack tests
 * (vitest.config.ts turns isolation off, so this module is evaluated once per worker, not per file).
 * Read only: a test that needs a changed app synthesizes its own.
 */
export const prod = synthesizeStacks("prod");
