import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { prod } from "./support/prod";

const { templates } = prod;
const template = templates.identity;

describe("the identity stack", () => {
  it("protects the user pool with threat protection on the Plus plan", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
      DeletionProtection: "ACTIVE",
    });
    template.hasResource("AWS::Cognito::UserPool", { DeletionPolicy: "Retain" });
  });

  it("offers TOTP MFA (never SMS) and a strong password policy", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "OPTIONAL",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  });

  it("sends sign-up codes through SES in production", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: "DEVELOPER" }),
    });
  });

  it("has the three role groups", () => {
    const groups = Object.values(template.findResources("AWS::Cognito::UserPoolGroup")).map(
      (g) => (g.Properties as { GroupName: string }).GroupName,
    );
    expect(groups.sort()).toEqual(["officials", "operators", "voters"]);
  });

  it("has public app clients for the voter site, the console and the CLI: no secret, password/SRP and refresh", () => {
    const clients = Object.values(template.findResources("AWS::Cognito::UserPoolClient")).map(
      (c) => c.Properties as Record<string, unknown>,
    );
    expect(clients.map((c) => c.ClientName).sort()).toEqual(["cli", "console", "voter-web"]);
    for (const client of clients) {
      expect(client.GenerateSecret).toBe(false);
      expect(client.ExplicitAuthFlows).toEqual(
        expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
      );
      expect(client.PreventUserExistenceErrors).toBe("ENABLED");
    }
  });
});
