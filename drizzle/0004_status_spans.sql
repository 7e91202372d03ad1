CREATE TABLE `status_spans` (
	`commitment_id` integer NOT NULL,
	`status` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_spans_commitment` ON `status_spans` (`commitment_id`,`from_at`,`to_at`,`status`);--> statement-breakpoint
-- Spans are derived from history: recomputed for the commitment whose history grew, in the
-- same transaction, whatever wrote the row (the app, the demo loader, plain SQL).
CREATE TRIGGER `status_spans_after_commitment` AFTER INSERT ON `commitments`
BEGIN
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`) VALUES (NEW.`id`, 'pending', '', NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `status_spans_after_change` AFTER INSERT ON `status_changes`
BEGIN
	DELETE FROM `status_spans` WHERE `commitment_id` = NEW.`commitment_id`;
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`)
		SELECT NEW.`commitment_id`, 'pending', '', MIN(`changed_at`) FROM `status_changes` WHERE `commitment_id` = NEW.`commitment_id`;
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`)
		SELECT `commitment_id`, `to_status`, `changed_at`, LEAD(`changed_at`) OVER (ORDER BY `changed_at`, `id`)
		FROM `status_changes` WHERE `commitment_id` = NEW.`commitment_id`;
END;
--> statement-breakpoint
INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`)
	SELECT c.`id`, 'pending', '', (SELECT MIN(s.`changed_at`) FROM `status_changes` s WHERE s.`commitment_id` = c.`id`) FROM `commitments` c;
--> statement-breakpoint
INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`)
	SELECT `commitment_id`, `to_status`, `changed_at`, LEAD(`changed_at`) OVER (PARTITION BY `commitment_id` ORDER BY `changed_at`, `id`)
	FROM `status_changes`;
