ALTER TABLE "fraud_cases" ADD COLUMN "device_id" text;--> statement-breakpoint
ALTER TABLE "fraud_cases" ADD COLUMN "network_block" text;--> statement-breakpoint
ALTER TABLE "fraud_cases" ADD COLUMN "score" integer;