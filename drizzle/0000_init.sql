CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `commitment_parties` (
	`commitment_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`is_lead` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`commitment_id`, `party_id`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_parties_party` ON `commitment_parties` (`party_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_parties_one_lead` ON `commitment_parties` (`commitment_id`) WHERE "commitment_parties"."is_lead" = 1;--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mesa_id` integer NOT NULL,
	`meeting_id` integer,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`theme` text NOT NULL,
	`made_on` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`superseded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`mesa_id`) REFERENCES `mesas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitments_theme" CHECK("commitments"."theme" IN ('water', 'environment', 'health', 'land', 'employment', 'infrastructure', 'education', 'social_programs', 'economic_compensation', 'human_rights_security', 'dialogue_process', 'other')),
	CONSTRAINT "commitments_status" CHECK("commitments"."status" IN ('pending', 'in_progress', 'partial', 'fulfilled', 'broken', 'superseded')),
	CONSTRAINT "commitments_visibility" CHECK("commitments"."visibility" IN ('public', 'restricted')),
	CONSTRAINT "commitments_made_on" CHECK("commitments"."made_on" IS NULL OR (length("commitments"."made_on") = 10 AND date("commitments"."made_on") = "commitments"."made_on")),
	CONSTRAINT "commitments_due_on" CHECK("commitments"."due_on" IS NULL OR (length("commitments"."due_on") = 10 AND date("commitments"."due_on") = "commitments"."due_on")),
	CONSTRAINT "commitments_superseded" CHECK(("commitments"."status" = 'superseded') = ("commitments"."superseded_by" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_mesa_code` ON `commitments` (`mesa_id`,`code`);--> statement-breakpoint
CREATE INDEX `commitments_mesa_status` ON `commitments` (`mesa_id`,`status`);--> statement-breakpoint
CREATE INDEX `commitments_status_due` ON `commitments` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `commitments_theme` ON `commitments` (`theme`);--> statement-breakpoint
CREATE INDEX `commitments_visibility` ON `commitments` (`visibility`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`submitted_by` integer NOT NULL,
	`observed_on` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`source_url` text,
	`suggested_status` text,
	`review_state` text DEFAULT 'submitted' NOT NULL,
	`reviewed_by` integer,
	`review_note` text,
	`reviewed_at` text,
	`idempotency_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evidence_kind" CHECK("evidence"."kind" IN ('document', 'photo', 'site_visit', 'testimony', 'media_report', 'official_statement')),
	CONSTRAINT "evidence_review_state" CHECK("evidence"."review_state" IN ('submitted', 'accepted', 'rejected')),
	CONSTRAINT "evidence_suggested_status" CHECK("evidence"."suggested_status" IS NULL OR "evidence"."suggested_status" IN ('pending', 'in_progress', 'partial', 'fulfilled', 'broken', 'superseded')),
	CONSTRAINT "evidence_observed_on" CHECK("evidence"."observed_on" IS NULL OR (length("evidence"."observed_on") = 10 AND date("evidence"."observed_on") = "evidence"."observed_on"))
);
--> statement-breakpoint
CREATE INDEX `evidence_commitment` ON `evidence` (`commitment_id`);--> statement-breakpoint
CREATE INDEX `evidence_review_state` ON `evidence` (`review_state`);--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_idempotency` ON `evidence` (`submitted_by`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`evidence_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`original_name` text NOT NULL,
	PRIMARY KEY(`evidence_id`, `sha256`),
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "files_mime_type" CHECK("files"."mime_type" IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'audio/mpeg', 'audio/mp4', 'audio/ogg')),
	CONSTRAINT "files_size" CHECK("files"."size_bytes" BETWEEN 0 AND 20971520),
	CONSTRAINT "files_sha256" CHECK(length("files"."sha256") = 64)
);
--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `party_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendance_party` ON `meeting_attendance` (`party_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mesa_id` integer NOT NULL,
	`number` integer NOT NULL,
	`held_on` text NOT NULL,
	`place` text,
	`summary` text DEFAULT '' NOT NULL,
	`minutes_sha256` text,
	`minutes_name` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`mesa_id`) REFERENCES `mesas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`minutes_sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_number" CHECK("meetings"."number" > 0),
	CONSTRAINT "meetings_held_on" CHECK("meetings"."held_on" IS NULL OR (length("meetings"."held_on") = 10 AND date("meetings"."held_on") = "meetings"."held_on"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_mesa_number` ON `meetings` (`mesa_id`,`number`);--> statement-breakpoint
CREATE TABLE `mesa_parties` (
	`mesa_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`mesa_id`, `party_id`),
	FOREIGN KEY (`mesa_id`) REFERENCES `mesas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mesa_parties_role" CHECK("mesa_parties"."role" IN ('convenor', 'member', 'observer', 'guarantor'))
);
--> statement-breakpoint
CREATE INDEX `mesa_parties_party` ON `mesa_parties` (`party_id`);--> statement-breakpoint
CREATE TABLE `mesas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`province` text,
	`district` text,
	`convened_on` text,
	`status` text DEFAULT 'active' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`convening_body` text,
	`source_links` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "mesas_status" CHECK("mesas"."status" IN ('active', 'suspended', 'concluded')),
	CONSTRAINT "mesas_convened_on" CHECK("mesas"."convened_on" IS NULL OR (length("mesas"."convened_on") = 10 AND date("mesas"."convened_on") = "mesas"."convened_on"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mesas_slug_unique` ON `mesas` (`slug`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "parties_kind" CHECK("parties"."kind" IN ('community', 'company', 'national_government', 'regional_government', 'local_government', 'civil_society', 'police', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_slug_unique` ON `parties` (`slug`);--> statement-breakpoint
CREATE TABLE `status_change_evidence` (
	`status_change_id` integer NOT NULL,
	`evidence_id` integer NOT NULL,
	PRIMARY KEY(`status_change_id`, `evidence_id`),
	FOREIGN KEY (`status_change_id`) REFERENCES `status_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "status_changes_from" CHECK("status_changes"."from_status" IS NULL OR "status_changes"."from_status" IN ('pending', 'in_progress', 'partial', 'fulfilled', 'broken', 'superseded')),
	CONSTRAINT "status_changes_to" CHECK("status_changes"."to_status" IN ('pending', 'in_progress', 'partial', 'fulfilled', 'broken', 'superseded')),
	CONSTRAINT "status_changes_reason" CHECK(length(trim("status_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX `status_changes_commitment` ON `status_changes` (`commitment_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `status_changes_changed_at` ON `status_changes` (`changed_at`);--> statement-breakpoint
CREATE TABLE `user_mesas` (
	`user_id` integer NOT NULL,
	`mesa_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `mesa_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mesa_id`) REFERENCES `mesas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_mesas_mesa` ON `user_mesas` (`mesa_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "users_role" CHECK("users"."role" IN ('monitor', 'commissioner', 'admin')),
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);