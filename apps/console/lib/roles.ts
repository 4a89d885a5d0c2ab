/** The Cognito groups that open the console; the API checks the same groups on every call. */
export const OFFICIALS = "officials";
export const OPERATORS = "operators";

/** Which parts of the console an account's groups open (for what to show; the API enforces roles itself). */
export function rolesOf(groups: readonly string[]): { isOfficial: boolean; isOperator: boolean } {
  return { isOfficial: groups.includes(OFFICIALS), isOperator: groups.includes(OPERATORS) };
}
