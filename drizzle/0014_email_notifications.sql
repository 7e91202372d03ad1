CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`headers` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	CONSTRAINT "outbox_state" CHECK("outbox"."state" IN ('queued', 'sending', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_unique` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_state` ON `outbox` (`state`,`id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`token` text NOT NULL,
	`confirmed_at` text,
	`unsubscribed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "subscriptions_target_type" CHECK("subscriptions"."target_type" IN ('mesa', 'party', 'commitment')),
	CONSTRAINT "subscriptions_email_lower" CHECK("subscriptions"."email" = lower("subscriptions"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_token_unique` ON `subscriptions` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_follow` ON `subscriptions` (`email`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_target` ON `subscriptions` (`target_type`,`target_id`);--> statement-breakpoint
-- Columns added in place (a rebuilt users table would need every referencing table rebuilt too).
ALTER TABLE `users` ADD `digest` text DEFAULT 'weekly' NOT NULL CONSTRAINT "users_digest" CHECK("digest" IN ('off', 'daily', 'weekly'));--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text DEFAULT 'es' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `digest_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_digest_token_unique` ON `users` (`digest_token`);--> statement-breakpoint
-- Subscribers hear of what happens from now on (db/notify/updates.ts reads the audit log from here).
INSERT INTO `app_settings` (`key`, `value`) SELECT 'notify_audit_cursor', coalesce(max(`id`), 0) FROM `audit_log`;