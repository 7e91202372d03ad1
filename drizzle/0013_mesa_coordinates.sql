ALTER TABLE `mesas` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `mesas` ADD `longitude` real;