CREATE TABLE `commitment_periods` (
	`commitment_id` integer NOT NULL,
	`n` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`due_on` text,
	PRIMARY KEY(`commitment_id`, `n`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "commitment_periods_n" CHECK("commitment_periods"."n" > 0),
	CONSTRAINT "commitment_periods_status" CHECK("commitment_periods"."status" IN ('pending', 'partial', 'fulfilled', 'broken')),
	CONSTRAINT "commitment_periods_due_on" CHECK("commitment_periods"."due_on" IS NULL OR (length("commitment_periods"."due_on") = 10 AND date("commitment_periods"."due_on") = "commitment_periods"."due_on"))
);
--> statement-breakpoint
CREATE TABLE `period_status_change_evidence` (
	`change_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`change_id`, `evidence_id`),
	FOREIGN KEY (`change_id`) REFERENCES `period_status_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `period_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`n` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "period_status_changes_from" CHECK("period_status_changes"."from_status" IN ('pending', 'partial', 'fulfilled', 'broken')),
	CONSTRAINT "period_status_changes_to" CHECK("period_status_changes"."to_status" IN ('pending', 'partial', 'fulfilled', 'broken')),
	CONSTRAINT "period_status_changes_reason" CHECK(length(trim("period_status_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX `period_status_changes_period` ON `period_status_changes` (`commitment_id`,`n`,`changed_at`);--> statement-breakpoint
-- Added in place rather than by rebuilding the tables, which would drop the triggers that keep
-- status_spans and the search index in step (0004, 0005). The checks are those of db/schema.ts.
ALTER TABLE `commitments` ADD `recurrence` text CONSTRAINT "commitments_recurrence" CHECK("recurrence" IS NULL OR "recurrence" IN ('monthly', 'quarterly', 'yearly'));--> statement-breakpoint
ALTER TABLE `commitments` ADD `starts_on` text CONSTRAINT "commitments_starts_on" CHECK("starts_on" IS NULL OR (length("starts_on") = 10 AND date("starts_on") = "starts_on"));--> statement-breakpoint
ALTER TABLE `commitments` ADD `ends_on` text CONSTRAINT "commitments_ends_on" CHECK("ends_on" IS NULL OR (length("ends_on") = 10 AND date("ends_on") = "ends_on")) CONSTRAINT "commitments_recurrence_days" CHECK(("recurrence" IS NULL AND "starts_on" IS NULL AND "ends_on" IS NULL) OR ("recurrence" IS NOT NULL AND "starts_on" IS NOT NULL AND ("ends_on" IS NULL OR "ends_on" >= "starts_on")));--> statement-breakpoint
ALTER TABLE `evidence` ADD `period` integer CONSTRAINT "evidence_period" CHECK("period" IS NULL OR "period" > 0);
