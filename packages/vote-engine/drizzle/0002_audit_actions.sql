CREATE TABLE "audit_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_sub" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"election_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_actions_election_id_at_index" ON "audit_actions" USING btree ("election_id","at");--> statement-breakpoint
CREATE INDEX "audit_actions_at_index" ON "audit_actions" USING btree ("at");