CREATE TYPE "public"."review_state" AS ENUM('quarantined', 'released', 'voided');--> statement-breakpoint
CREATE TABLE "fraud_cases" (
	"election_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"receipt_id" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cast_at" timestamp with time zone,
	"state" "review_state" DEFAULT 'quarantined' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fraud_cases_election_id_voter_key_pk" PRIMARY KEY("election_id","voter_key")
);
--> statement-breakpoint
CREATE INDEX "fraud_cases_election_id_state_index" ON "fraud_cases" USING btree ("election_id","state");