ALTER TABLE "audit_log" ADD COLUMN "standing_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_standing_key_index" ON "audit_log" USING btree ("standing_key");