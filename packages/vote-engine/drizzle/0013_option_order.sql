CREATE TYPE "public"."option_order_rule" AS ENUM('as-listed', 'rotated', 'shuffled');--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "option_order" "option_order_rule";