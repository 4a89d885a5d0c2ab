import { spawnSync } from "node:child_process";
import { GetAccountCommand, SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, isPortInUse, readSesMailbox, type RunningServer, startSesLocal } from "../src/index";

let ses: RunningServer;
let port: number;
let client: SESv2Client;

beforeAll(async () => {
  port = await freePort();
  ses = await startSesLocal({ port, maxSendRate: 7 });
  // The same client the services build; the local server wants a signature, not a real key.
  client = new SESv2Client({
    endpoint: ses.endpoint,
    region: "eu-west-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
});
afterAll(async () => {
  client.destroy();
  await ses.stop();
});

describe("the local SES server (aws-ses-v2-local)", () => {
  it("keeps what the SES v2 API is sent, to be read back from its mailbox", async () => {
    const sent = await client.send(
      new SendEmailCommand({
        FromEmailAddress: "Landslide <elections@landslide.localhost>",
        Destination: { ToAddresses: ["voter1@demo.landslide.test"] },
        Content: {
          Simple: {
            Subject: { Data: "Your election opens" },
            Body: { Text: { Data: "Vote at http://localhost:3000" } },
          },
        },
      }),
    );
    expect(sent.MessageId).toBeTruthy();
    const mailbox = await readSesMailbox(ses.endpoint);
    expect(mailbox).toEqual([
      expect.objectContaining({
        messageId: sent.MessageId,
        from: "Landslide <elections@landslide.localhost>",
        destination: expect.objectContaining({ to: ["voter1@demo.landslide.test"] }),
        subject: "Your election opens",
        body: expect.objectContaining({ text: "Vote at http://localhost:3000" }),
      }),
    ]);
    // The mailbox a developer opens in a browser.
    const page = await fetch(ses.endpoint);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("reports the sending quota it was given, as SES's GetAccount does", async () => {
    const account = await client.send(new GetAccountCommand({}));
    expect(account.SendQuota?.MaxSendRate).toBe(7);
    expect(account.SendingEnabled).toBe(true);
  });

  it("listens on 127.0.0.1 only", () => {
    const ss = spawnSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" });
    expect(ss.status, ss.stderr).toBe(0);
    const addresses = ss.stdout
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/)[3]);
    expect(addresses).toEqual([`127.0.0.1:${port}`]);
  });

  it("leaves its port free once stopped", async () => {
    const other = await startSesLocal({ port: await freePort() });
    const { port: otherPort } = new URL(other.endpoint);
    await other.stop();
    expect(await isPortInUse(Number(otherPort))).toBe(false);
  });
});
