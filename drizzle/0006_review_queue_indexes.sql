DROP INDEX `evidence_review_state`;--> statement-breakpoint
DROP INDEX `evidence_commitment`;--> statement-breakpoint
CREATE INDEX `evidence_review_queue` ON `evidence` (`review_state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `evidence_commitment` ON `evidence` (`commitment_id`,`review_state`);