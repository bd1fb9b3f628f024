CREATE TABLE `team_applying` (
	`marker` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_merge_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`held_store_id` integer NOT NULL,
	`holder_store_id` integer NOT NULL,
	`held_key` text NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`held_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`holder_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_merge_offers_held_idx` ON `team_merge_offers` (`held_store_id`);--> statement-breakpoint
CREATE TABLE `team_outbox` (
	`client_seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`local_id` integer NOT NULL,
	`op` text NOT NULL,
	`fields` text
);
--> statement-breakpoint
CREATE INDEX `team_outbox_row_idx` ON `team_outbox` (`table_name`,`local_id`);--> statement-breakpoint
CREATE TABLE `team_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_uids` (
	`table_name` text NOT NULL,
	`local_id` integer NOT NULL,
	`uid` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_uids_local_unique` ON `team_uids` (`table_name`,`local_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `team_uids_uid_unique` ON `team_uids` (`table_name`,`uid`);