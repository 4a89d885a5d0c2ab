// How every file is formatted (the root package.json's "prettier" field points here). 120
// columns: long enough for the signatures and messages this codebase writes, short enough to
// read two files side by side.
/** @type {import("prettier").Config} */
export default {
  printWidth: 120,
  trailingComma: "all",
};
