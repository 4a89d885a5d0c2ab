CREATE TABLE "audit_epochs" (
	"election_id" uuid NOT NULL,
	"epoch" integer NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"root" text NOT NULL,
	"previous_root" text NOT NULL,
	"sealed_at" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "audit_epochs_election_id_epoch_pk" PRIMARY KEY("election_id","epoch")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"election_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text NOT NULL,
	"sealed_seq" bigint DEFAULT 0 NOT NULL,
	"epoch" integer DEFAULT 0 NOT NULL,
	"epoch_root" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"election_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"entry" jsonb NOT NULL,
	"hash" text NOT NULL,
	"receipt_id" text,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_election_id_seq_pk" PRIMARY KEY("election_id","seq")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_receipt_id_index" ON "audit_log" USING btree ("receipt_id");--> statement-breakpoint
CREATE INDEX "fraud_cases_receipt_id_index" ON "fraud_cases" USING btree ("receipt_id");