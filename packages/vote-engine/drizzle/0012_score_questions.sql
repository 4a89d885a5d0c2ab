ALTER TYPE "public"."question_kind" ADD VALUE 'score';--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "score_range" jsonb;