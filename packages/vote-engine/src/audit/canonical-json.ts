/**
 * JSON with object keys sorted at every depth and no whitespace, so that the same value always
 * gives the same bytes: Postgres `jsonb` reorders keys, and a verifier in another language must
 * be able to rebuild what was hashed. Only plain JSON values are accepted.
 */
export function canonicalJson(value: unknown): string {
  // Written as loops over string concatenation: a verifier runs this once per log record.
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new Error("canonical JSON has no place for NaN or Infinity");
      return JSON.stringify(value);
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
        return `${out}]`;
      }
      // The default sort compares UTF-16 code units, as `<` does on strings.
      const keys = Object.keys(value).sort();
      let out = "{";
      for (const key of keys) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}
