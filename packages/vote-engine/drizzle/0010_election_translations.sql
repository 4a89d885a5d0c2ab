ALTER TABLE "elections" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;