/**
 * Where things are in a JSON text, for error messages a person can follow to the right line:
 * the first syntax error (Node 20's JSON.parse often gives no position), and where each value
 * starts, by its path. A small scanner that accepts exactly what JSON.parse accepts.
 */

export type JsonPath = ReadonlyArray<string | number | symbol>;

export interface JsonScan {
  /** The first syntax error; undefined when the text is one JSON document. */
  readonly error: { readonly offset: number; readonly message: string } | undefined;
  /** Where each value starts, keyed by `formatPath` of its path. */
  readonly valueAt: ReadonlyMap<string, number>;
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

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function scanJson(text: string): JsonScan {
  const valueAt = new Map<string, number>();
  let at = 0;
  const fail = (message: string): never => {
    throw new SyntaxProblem(message, at);
  };
  const found = () => {
    if (at >= text.length) return "the end of the file";
    if (text[at] === "'") return "a single quote (JSON takes double quotes)";
    return `'${text[at]}'`;
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[at] !== char) fail(`expected ${what}, found ${found()}`);
    at++;
  };

  const string = (): string => {
    const start = at;
    at++; // the opening quote
    while (at < text.length && text[at] !== '"') {
      const char = text[at]!;
      if (char < " ") fail("a string cannot hold a line break or control character (write \\n)");
      if (char === "\\") {
        const escape = text[at + 1] ?? "";
        if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else if ('"\\/bfnrt'.includes(escape) && escape !== "") at += 2;
        else fail(`'\\${escape}' is not an escape JSON knows`);
      } else at++;
    }
    if (at >= text.length) {
      at = start;
      fail("this string is never closed");
    }
    at++; // the closing quote
    return JSON.parse(text.slice(start, at)) as string;
  };

  const value = (path: Array<string | number>): void => {
    skipSpace();
    valueAt.set(formatPath(path), at);
    const char = text[at];
    if (char === "{") return object(path);
    if (char === "[") return array(path);
    if (char === '"') return void string();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = at;
    if (char !== undefined && /[-\d]/.test(char) && number.test(text)) {
      at = number.lastIndex;
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    fail(`expected a value, found ${found()}`);
  };

  const object = (path: Array<string | number>) => {
    at++;
    skipSpace();
    if (text[at] === "}") return void at++;
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
      const key = string();
      expect(":", "':' after the property name");
      value([...path, key]);
      skipSpace();
      if (text[at] === ",") {
        at++;
        skipSpace();
        if (text[at] === "}") fail("a comma cannot come before '}' (remove it)");
        continue;
      }
      if (text[at] === "}") return void at++;
      fail(`expected ',' or '}' after the value of "${key}", found ${found()}`);
    }
  };

  const array = (path: Array<string | number>) => {
    at++;
    skipSpace();
    if (text[at] === "]") return void at++;
    for (let index = 0; ; index++) {
      value([...path, index]);
      skipSpace();
      if (text[at] === ",") {
        at++;
        skipSpace();
        if (text[at] === "]") fail("a comma cannot come before ']' (remove it)");
        continue;
      }
      if (text[at] === "]") return void at++;
      fail(`expected ',' or ']' after an item, found ${found()}`);
    }
  };

  try {
    value([]);
    skipSpace();
    if (at < text.length) fail(`expected the end of the file after the document, found ${found()}`);
    return { error: undefined, valueAt };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { error: { offset: error.offset, message: error.message }, valueAt };
  }
}
