DROP INDEX `commitments_figures`;--> statement-breakpoint
CREATE INDEX `commitments_figures` ON `commitments` (`visibility`,`mesa_id`,`status`,`due_on`,`theme`,`made_on`,`recurrence`);