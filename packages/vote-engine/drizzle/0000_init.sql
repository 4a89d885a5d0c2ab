CREATE TYPE "public"."election_status" AS ENUM('draft', 'scheduled', 'open', 'paused', 'closed', 'certified');--> statement-breakpoint
CREATE TYPE "public"."eligibility" AS ENUM('any-signed-in-voter', 'voter-roll');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('single', 'multi', 'ranked');--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "election_status" DEFAULT 'draft' NOT NULL,
	"allow_abstain" boolean DEFAULT false NOT NULL,
	"eligibility" "eligibility" DEFAULT 'any-signed-in-voter' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"election_id" uuid NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "question_kind" NOT NULL,
	"prompt" text NOT NULL,
	"min_choices" integer NOT NULL,
	"max_choices" integer NOT NULL,
	"options" jsonb NOT NULL,
	CONSTRAINT "questions_election_id_id_pk" PRIMARY KEY("election_id","id")
);
--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elections_status_index" ON "elections" USING btree ("status");