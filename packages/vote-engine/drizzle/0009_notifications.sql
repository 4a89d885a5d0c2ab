CREATE TYPE "public"."notification_kind" AS ENUM('invitation', 'reminder', 'receipt', 'results');--> statement-breakpoint
CREATE TYPE "public"."notification_status" AS ENUM('queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'suppressed', 'settled');--> statement-breakpoint
CREATE TYPE "public"."reminder_status" AS ENUM('scheduled', 'queued', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('unsubscribed', 'bounced', 'complained');--> statement-breakpoint
CREATE TABLE "mail_campaigns" (
	"election_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"recipients" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone,
	CONSTRAINT "mail_campaigns_election_id_kind_pk" PRIMARY KEY("election_id","kind")
);
--> statement-breakpoint
CREATE TABLE "mail_pacer" (
	"id" integer PRIMARY KEY NOT NULL,
	"next_batch_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"status" "reminder_status" DEFAULT 'scheduled' NOT NULL,
	"recipients" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"recipient" text,
	"language" text NOT NULL,
	"status" "notification_status" DEFAULT 'queued' NOT NULL,
	"dedupe_key" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"ses_message_id" text,
	"last_error" text,
	"reminder_id" uuid,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_campaigns" ADD CONSTRAINT "mail_campaigns_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_reminders" ADD CONSTRAINT "mail_reminders_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_reminders_status_send_at_index" ON "mail_reminders" USING btree ("status","send_at");--> statement-breakpoint
CREATE INDEX "mail_reminders_election_id_index" ON "mail_reminders" USING btree ("election_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_election_id_dedupe_key_index" ON "notifications" USING btree ("election_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_status_next_attempt_at_index" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_election_id_kind_status_index" ON "notifications" USING btree ("election_id","kind","status");--> statement-breakpoint
CREATE INDEX "notifications_ses_message_id_index" ON "notifications" USING btree ("ses_message_id");