ALTER TABLE `mesas` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `mesas` ADD `longitude` real;--> statement-breakpoint
-- A database that already holds the demo set places its three mesas where a new one would.
UPDATE `mesas` SET `latitude` = -14.12, `longitude` = -72.25 WHERE `slug` = 'las-bambas' AND `latitude` IS NULL AND (SELECT `value` FROM `app_settings` WHERE `key` = 'demo_loaded') = 'true';--> statement-breakpoint
UPDATE `mesas` SET `latitude` = -17.08, `longitude` = -70.84 WHERE `slug` = 'quellaveco' AND `latitude` IS NULL AND (SELECT `value` FROM `app_settings` WHERE `key` = 'demo_loaded') = 'true';--> statement-breakpoint
UPDATE `mesas` SET `latitude` = -14.79, `longitude` = -71.41 WHERE `slug` = 'espinar' AND `latitude` IS NULL AND (SELECT `value` FROM `app_settings` WHERE `key` = 'demo_loaded') = 'true';
