-- Full-text index of commitments for `q=` (issue 7). External content: the text lives once, in
-- `commitments`; the triggers below keep the index in step with every write, whatever made it
-- (the app, the demo loader, plain SQL). remove_diacritics 2 folds accents both ways, so
-- "informacion" finds "información" and the reverse.
CREATE VIRTUAL TABLE `commitments_fts` USING fts5(
	`code`, `title`, `text`,
	content = 'commitments', content_rowid = 'id',
	tokenize = "unicode61 remove_diacritics 2"
);
--> statement-breakpoint
CREATE TRIGGER `commitments_fts_after_insert` AFTER INSERT ON `commitments`
BEGIN
	INSERT INTO `commitments_fts` (`rowid`, `code`, `title`, `text`) VALUES (NEW.`id`, NEW.`code`, NEW.`title`, NEW.`text`);
END;
--> statement-breakpoint
-- An external-content index forgets a row only when told the values it indexed: the 'delete'
-- command with the old ones.
CREATE TRIGGER `commitments_fts_after_delete` AFTER DELETE ON `commitments`
BEGIN
	INSERT INTO `commitments_fts` (`commitments_fts`, `rowid`, `code`, `title`, `text`) VALUES ('delete', OLD.`id`, OLD.`code`, OLD.`title`, OLD.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_fts_after_update` AFTER UPDATE OF `id`, `code`, `title`, `text` ON `commitments`
BEGIN
	INSERT INTO `commitments_fts` (`commitments_fts`, `rowid`, `code`, `title`, `text`) VALUES ('delete', OLD.`id`, OLD.`code`, OLD.`title`, OLD.`text`);
	INSERT INTO `commitments_fts` (`rowid`, `code`, `title`, `text`) VALUES (NEW.`id`, NEW.`code`, NEW.`title`, NEW.`text`);
END;
--> statement-breakpoint
INSERT INTO `commitments_fts` (`commitments_fts`) VALUES ('rebuild');
