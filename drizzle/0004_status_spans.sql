CREATE TABLE `status_spans` (
	`commitment_id` integer NOT NULL,
	`status` text NOT NULL,
	`from_at` text NOT NULL,
	`to_at` text,
	`mesa_id` integer NOT NULL,
	`theme` text NOT NULL,
	`visibility` text NOT NULL,
	`made_on` text NOT NULL,
	`due_on` text,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_spans_commitment` ON `status_spans` (`commitment_id`);--> statement-breakpoint
CREATE INDEX `status_spans_mesa` ON `status_spans` (`mesa_id`);--> statement-breakpoint
CREATE INDEX `commitments_figures` ON `commitments` (`visibility`,`mesa_id`,`status`,`due_on`,`theme`,`made_on`);--> statement-breakpoint
-- Spans are derived from history: recomputed for the commitment whose history grew, in the
-- same transaction, whatever wrote the row (the app, the demo loader, plain SQL).
CREATE TRIGGER `status_spans_after_commitment` AFTER INSERT ON `commitments`
BEGIN
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`, `mesa_id`, `theme`, `visibility`, `made_on`, `due_on`)
		VALUES (NEW.`id`, 'pending', '', NULL, NEW.`mesa_id`, NEW.`theme`, NEW.`visibility`, NEW.`made_on`, NEW.`due_on`);
END;
--> statement-breakpoint
CREATE TRIGGER `status_spans_after_change` AFTER INSERT ON `status_changes`
BEGIN
	DELETE FROM `status_spans` WHERE `commitment_id` = NEW.`commitment_id`;
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`, `mesa_id`, `theme`, `visibility`, `made_on`, `due_on`)
		SELECT c.`id`, 'pending', '', (SELECT MIN(s.`changed_at`) FROM `status_changes` s WHERE s.`commitment_id` = c.`id`),
			c.`mesa_id`, c.`theme`, c.`visibility`, c.`made_on`, c.`due_on`
		FROM `commitments` c WHERE c.`id` = NEW.`commitment_id`;
	INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`, `mesa_id`, `theme`, `visibility`, `made_on`, `due_on`)
		SELECT s.`commitment_id`, s.`to_status`, s.`changed_at`, LEAD(s.`changed_at`) OVER (ORDER BY s.`changed_at`, s.`id`),
			c.`mesa_id`, c.`theme`, c.`visibility`, c.`made_on`, c.`due_on`
		FROM `status_changes` s JOIN `commitments` c ON c.`id` = s.`commitment_id`
		WHERE s.`commitment_id` = NEW.`commitment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `status_spans_after_commitment_edit` AFTER UPDATE OF `mesa_id`, `theme`, `visibility`, `made_on`, `due_on` ON `commitments`
BEGIN
	UPDATE `status_spans`
		SET `mesa_id` = NEW.`mesa_id`, `theme` = NEW.`theme`, `visibility` = NEW.`visibility`, `made_on` = NEW.`made_on`, `due_on` = NEW.`due_on`
		WHERE `commitment_id` = NEW.`id`;
END;
--> statement-breakpoint
INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`, `mesa_id`, `theme`, `visibility`, `made_on`, `due_on`)
	SELECT c.`id`, 'pending', '', (SELECT MIN(s.`changed_at`) FROM `status_changes` s WHERE s.`commitment_id` = c.`id`),
		c.`mesa_id`, c.`theme`, c.`visibility`, c.`made_on`, c.`due_on`
	FROM `commitments` c;
--> statement-breakpoint
INSERT INTO `status_spans` (`commitment_id`, `status`, `from_at`, `to_at`, `mesa_id`, `theme`, `visibility`, `made_on`, `due_on`)
	SELECT s.`commitment_id`, s.`to_status`, s.`changed_at`,
		LEAD(s.`changed_at`) OVER (PARTITION BY s.`commitment_id` ORDER BY s.`changed_at`, s.`id`),
		c.`mesa_id`, c.`theme`, c.`visibility`, c.`made_on`, c.`due_on`
	FROM `status_changes` s JOIN `commitments` c ON c.`id` = s.`commitment_id`;
