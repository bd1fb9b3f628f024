CREATE TABLE `bulk_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`store_ids` text NOT NULL,
	`prior` text NOT NULL,
	`history_mark` integer NOT NULL,
	`undone_at` integer
);
--> statement-breakpoint
CREATE INDEX `bulk_actions_at_idx` ON `bulk_actions` (`at`);