import { readFileSync } from "node:fs";
import ts from "typescript";
import { commentText } from "./markdown";

/**
 * The comments written above each property of the first object literal in a variable's
 * initialiser (`environmentSchema = z.object({ … })`, `riskWeights = { … } as const`), by
 * property name. A property with no comment of its own maps to "": a comment describes the one
 * property below it, never the ones after.
 */
export function propertyComments(file: string, variable: string): Map<string, string> {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literal = objectLiteralOf(source, variable);
  if (!literal) throw new Error(`${file}: no object literal assigned to ${variable}`);
  const comments = new Map<string, string>();
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    // Leading comments start on a line of their own: one on the previous property's line is that property's.
    const ranges = ts.getLeadingCommentRanges(text, property.getFullStart()) ?? [];
    comments.set(
      property.name.getText(source),
      ranges.map((range) => commentText(text.slice(range.pos, range.end))).join(" "),
    );
  }
  return comments;
}

function objectLiteralOf(source: ts.SourceFile, variable: string): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const firstLiteral = (node: ts.Node): void => {
    if (found) return;
    if (ts.isObjectLiteralExpression(node)) found = node;
    else ts.forEachChild(node, firstLiteral);
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === variable && node.initializer)
      firstLiteral(node.initializer);
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
