export { type ControlPlaneConnection, type ControlPlaneDb, connectControlPlane } from "./client";
export { ElectionsRepository } from "./elections-repository";
export { migrateControlPlane } from "./migrate";
export * as controlPlaneSchema from "./schema";
export { PostgresFraudCaseSink } from "./fraud-case-sink";
