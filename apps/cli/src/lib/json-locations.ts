import { type JSONPath as Segments, type ParseOptions, printParseErrorCode, visit } from "jsonc-parser";

/**
 * Where things are in a JSON text, for error messages a person can follow to the right line:
 * the first syntax error (Node's JSON.parse names a position, not what was expected there), and
 * where each value starts, by its path. jsonc-parser reads the text; here it reads strict JSON
 * (no comments, no trailing commas, no empty file), which is what JSON.parse accepts.
 */

export type JsonPath = ReadonlyArray<string | number | symbol>;

/** A place in the text: the offset, and the line and column from 1, as an editor counts them. */
export interface JsonPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface JsonScan {
  /** The first syntax error; undefined when the text is one JSON document. */
  readonly error: (JsonPosition & { readonly message: string }) | undefined;
  /** Where the value at a path starts; a path the document lacks gives its nearest ancestor's (a missing field points at the object that lacks it). */
  readonly positionOf: (path: JsonPath) => JsonPosition;
}

/** `questions[1].options[0].id`, as people write it; the document itself is "(the top)". */
export function formatPath(path: JsonPath): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || "(the top)";
}

/** JSON as JSON.parse takes it: jsonc-parser's extensions turned off. */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Where the parser stands inside an object or array: what it read last, so an error can say what it expected instead. */
interface Container {
  readonly kind: "object" | "array";
  last: "open" | "key" | ":" | "value" | ",";
  /** The property being read (objects). */
  key?: string;
}

const pathKey = (path: JsonPath) => JSON.stringify(path.map((key) => (typeof key === "symbol" ? String(key) : key)));

export function scanJson(text: string): JsonScan {
  const values = new Map<string, JsonPosition>();
  const open: Container[] = [];
  let finished = false; // the document's value has been read whole
  let error: JsonScan["error"];

  const at = (offset: number, line: number, character: number): JsonPosition => ({
    offset,
    line: line + 1,
    column: character + 1,
  });
  const valueStarts = (offset: number, line: number, character: number, path: () => Segments) =>
    values.set(pathKey(path()), at(offset, line, character));
  const valueEnded = () => {
    const parent = open.at(-1);
    if (parent) parent.last = "value";
    else finished = true;
  };
  // An end is told also when the file stops inside the container: it stays open, so the error can name what is missing.
  const close = (offset: number) => {
    if (offset >= text.length) return;
    open.pop();
    valueEnded();
  };

  visit(
    text,
    {
      onObjectBegin: (offset, _length, line, character, path) => {
        valueStarts(offset, line, character, path);
        open.push({ kind: "object", last: "open" });
      },
      onArrayBegin: (offset, _length, line, character, path) => {
        valueStarts(offset, line, character, path);
        open.push({ kind: "array", last: "open" });
      },
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (key) => {
        const object = open.at(-1);
        if (object) {
          object.last = "key";
          object.key = key;
        }
      },
      onSeparator: (separator) => {
        const container = open.at(-1);
        if (container) container.last = separator === ":" ? ":" : ",";
      },
      onLiteralValue: (_value, offset, _length, line, character, path) => {
        valueStarts(offset, line, character, path);
        valueEnded();
      },
      onError: (code, offset, length, line, character) => {
        if (error) return;
        const problem = describe(text, { code: printParseErrorCode(code), offset, length }, open.at(-1), finished);
        // Every problem is on the line of the token it was found in: strings and numbers hold no line break.
        error = { ...at(problem.offset, line, character + problem.offset - offset), message: problem.message };
      },
    },
    STRICT,
  );

  return {
    error,
    positionOf(path) {
      for (let length = path.length; length >= 0; length--) {
        const position = values.get(pathKey(path.slice(0, length)));
        if (position) return position;
      }
      return { offset: 0, line: 1, column: 1 };
    },
  };
}

/** What is wrong where jsonc-parser stopped, in words; and where exactly, when that is inside the token it stopped at. */
function describe(
  text: string,
  { code, offset, length }: { code: ReturnType<typeof printParseErrorCode>; offset: number; length: number },
  container: Container | undefined,
  finished: boolean,
): { offset: number; message: string } {
  switch (code) {
    case "UnexpectedEndOfString":
    case "InvalidCharacter":
    case "InvalidEscapeCharacter":
    case "InvalidUnicode":
      return stringProblem(text, offset);
    case "UnexpectedEndOfNumber":
    case "InvalidNumberFormat":
      return {
        offset,
        message: `'${text.slice(offset, offset + length)}' is not a number JSON knows (digits must follow '.' and 'e')`,
      };
    case "InvalidCommentToken":
      return { offset, message: "JSON cannot hold comments (remove it)" };
    default: {
      // PropertyNameExpected, ValueExpected, ColonExpected, CommaExpected, Close*Expected, EndOfFileExpected, InvalidSymbol.
      const closing = text[offset];
      if (container?.last === "," && (closing === "}" || closing === "]"))
        return { offset, message: `a comma cannot come before '${closing}' (remove it)` };
      return { offset, message: `expected ${expected(container, finished)}, found ${found(text, offset)}` };
    }
  }
}

/** What may come next, from what was read last. */
function expected(container: Container | undefined, finished: boolean): string {
  if (!container) return finished ? "the end of the file after the document" : "a value";
  if (container.kind === "array") return container.last === "value" ? "',' or ']' after an item" : "a value";
  switch (container.last) {
    case "open":
    case ",":
      return "a property name in double quotes";
    case "key":
      return "':' after the property name";
    case ":":
      return "a value";
    case "value":
      return `',' or '}' after the value of ${JSON.stringify(container.key)}`;
  }
}

/** What follows in the text, for "found …": the end, a quote JSON does not take, or the character itself. */
function found(text: string, offset: number): string {
  const char = text.codePointAt(offset);
  if (char === undefined) return "the end of the file";
  if (char === 0x27) return "a single quote (JSON takes double quotes)";
  const shown = String.fromCodePoint(char);
  // An invisible character (a no-break space, a byte order mark) is named by its code.
  if (char !== 0x20 && /[\p{C}\p{Z}]/u.test(shown))
    return `the character U+${char.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${shown}'`;
}

/**
 * The first thing JSON forbids in the string that opens at `start`: jsonc-parser flags the whole
 * string; this finds the character, as a person would fix it.
 */
function stringProblem(text: string, start: number): { offset: number; message: string } {
  const next =
    // eslint-disable-next-line no-control-regex -- JSON forbids U+0000–U+001F raw in a string: finding one is the point.
    /(?<escape>\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))|(?<end>")|(?<control>[\u0000-\u001f])|(?<unknownEscape>\\[^]?)/g;
  next.lastIndex = start + 1;
  for (let match = next.exec(text); match; match = next.exec(text)) {
    const { end, control, unknownEscape } = match.groups ?? {};
    if (end) break;
    if (control)
      return { offset: match.index, message: "a string cannot hold a line break or control character (write \\n)" };
    if (unknownEscape) return { offset: match.index, message: `'${unknownEscape}' is not an escape JSON knows` };
  }
  return { offset: start, message: "this string is never closed" };
}
