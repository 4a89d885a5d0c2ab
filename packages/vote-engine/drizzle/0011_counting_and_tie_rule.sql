ALTER TABLE "elections" ADD COLUMN "tie_rule" jsonb;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "counting" jsonb;