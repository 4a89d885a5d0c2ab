import { base64url } from "jose";

/** Why input was refused before any work was done on it: the stable reasons clients see. */
export type InputRefusal = "INPUT_TOO_DEEP" | "INPUT_TOO_LARGE";

/**
 * Nothing Landslide accepts is nested deeper than a few levels (a ballot is four) or holds more
 * than 500 items in one array (a voter-roll batch); these limits leave room and stop a request
 * from making the server recurse (JSON.stringify of 30,000 nested arrays throws RangeError) or
 * iterate for nothing.
 */
export const INPUT_LIMITS = { depth: 32, arrayItems: 1000 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * One linear pass over raw JSON text, before JSON.parse: the first limit it breaks, if any.
 * Brackets and commas inside strings do not count. Malformed text is left to the parser to refuse.
 */
export function jsonShapeProblem(
  text: string,
  limits: { depth: number; arrayItems: number } = INPUT_LIMITS,
): InputRefusal | undefined {
  // Per open container: the commas seen so far in an array, or -1 for an object.
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (open.length >= limits.depth) return "INPUT_TOO_DEEP";
      open.push(c === OPEN_ARRAY ? 0 : -1);
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) open.pop();
    else if (c === COMMA && open.length > 0) {
      const top = open.length - 1;
      // n commas separate n + 1 items.
      if (open[top]! >= 0 && ++open[top]! >= limits.arrayItems) return "INPUT_TOO_LARGE";
    }
  }
  return undefined;
}

/** The same check on a compact JWS/JWT's header and payload, before a library parses them. */
export function tokenShapeProblem(token: string): InputRefusal | undefined {
  const [header = "", payload = ""] = token.split(".", 2);
  for (const part of [header, payload]) {
    let text: string;
    try {
      text = new TextDecoder().decode(base64url.decode(part));
    } catch {
      continue; // not base64url: the verifier refuses it as it is
    }
    const problem = jsonShapeProblem(text);
    if (problem) return problem;
  }
  return undefined;
}
