#!/usr/bin/env node
import { App } from "aws-cdk-lib";
import { createStacks } from "../lib/create-stacks";
import { parametersFor } from "../lib/parameters";

// Synthesizes offline (no lookups): `npm run build -w @landslide/infra` writes cdk.out/.
const app = new App({ outdir: process.env.CDK_OUTDIR ?? "cdk.out" });
const envName = String(app.node.tryGetContext("env") ?? "dev");
createStacks(app, parametersFor(envName, { account: app.node.tryGetContext("account") }));
app.synth();
