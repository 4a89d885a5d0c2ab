import type { Template } from "aws-cdk-lib/assertions";

/**
 * Enough of AWS WAF's statement evaluation to ask our own rules "would this request match?":
 * and/or/not, label matches, byte and regex matches on the method, the URI path and single
 * headers, with the text transformations we use. Anything else throws, so a rule that grows a
 * statement this does not model fails its test instead of being judged wrongly.
 */

/** A request as a rule sees it: `labels` are those earlier rules (Bot Control) added. */
export interface WafRequest {
  readonly method: string;
  readonly host: string;
  /** The URI path as the viewer sent it (no query string). */
  readonly path: string;
  readonly labels?: readonly string[];
}

type Json = Record<string, unknown>;

export interface WafRule {
  readonly Name: string;
  readonly Priority: number;
  readonly Action?: Json;
  readonly ChallengeConfig?: { ImmunityTimeProperty: { ImmunityTime: number } };
  readonly Statement: Json;
}

/** The one web ACL of a template and its rules. */
export function webAclOf(template: Template): { properties: Json; rules: WafRule[] } {
  const acls = Object.values(template.findResources("AWS::WAFv2::WebACL"));
  if (acls.length !== 1) throw new Error(`expected one web ACL, found ${acls.length}`);
  const properties = acls[0]!.Properties as Json;
  return { properties, rules: properties.Rules as WafRule[] };
}

export function ruleNamed(rules: readonly WafRule[], name: string): WafRule {
  const rule = rules.find((r) => r.Name === name);
  if (!rule) throw new Error(`no WAF rule named ${name}`);
  return rule;
}

function transform(value: string, transformations: readonly { Type: string }[]): string {
  return transformations.reduce((text, { Type }) => {
    if (Type === "NONE") return text;
    if (Type === "LOWERCASE") return text.toLowerCase();
    if (Type === "URL_DECODE") return decodeURIComponent(text);
    throw new Error(`text transformation ${Type} is not modelled`);
  }, value);
}

function field(fieldToMatch: Json, request: WafRequest): string {
  if ("UriPath" in fieldToMatch) return request.path;
  if ("Method" in fieldToMatch) return request.method;
  const header = fieldToMatch.SingleHeader as { Name?: string } | undefined;
  if (header?.Name?.toLowerCase() === "host") return request.host;
  throw new Error(`field ${JSON.stringify(fieldToMatch)} is not modelled`);
}

export function matches(statement: Json, request: WafRequest): boolean {
  const entries = Object.entries(statement);
  if (entries.length !== 1) throw new Error(`a statement has one type, not ${entries.map(([k]) => k).join(", ")}`);
  const [type, body] = entries[0] as [string, Json];
  switch (type) {
    case "AndStatement":
      return (body.Statements as Json[]).every((s) => matches(s, request));
    case "OrStatement":
      return (body.Statements as Json[]).some((s) => matches(s, request));
    case "NotStatement":
      return !matches(body.Statement as Json, request);
    case "LabelMatchStatement": {
      const labels = request.labels ?? [];
      const key = String(body.Key);
      return body.Scope === "NAMESPACE" ? labels.some((l) => l.startsWith(key)) : labels.includes(key);
    }
    case "ByteMatchStatement": {
      const value = transform(
        field(body.FieldToMatch as Json, request),
        body.TextTransformations as { Type: string }[],
      );
      const search = String(body.SearchString);
      switch (body.PositionalConstraint) {
        case "EXACTLY":
          return value === search;
        case "STARTS_WITH":
          return value.startsWith(search);
        case "ENDS_WITH":
          return value.endsWith(search);
        case "CONTAINS":
          return value.includes(search);
        default:
          throw new Error(`positional constraint ${String(body.PositionalConstraint)} is not modelled`);
      }
    }
    case "RegexMatchStatement":
      return new RegExp(String(body.RegexString)).test(
        transform(field(body.FieldToMatch as Json, request), body.TextTransformations as { Type: string }[]),
      );
    default:
      throw new Error(`statement ${type} is not modelled`);
  }
}

/** Bot Control's scope-down: the requests it inspects (and labels). */
export function botControlInspects(rules: readonly WafRule[], request: WafRequest): boolean {
  const group = ruleNamed(rules, "BotControl").Statement.ManagedRuleGroupStatement as { ScopeDownStatement?: Json };
  return group.ScopeDownStatement ? matches(group.ScopeDownStatement, request) : true;
}
