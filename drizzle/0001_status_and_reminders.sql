CREATE TABLE `authorizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`authorized_at` integer NOT NULL,
	`method` text NOT NULL,
	`account` text,
	`country` text,
	`refresh_deadline_at` integer,
	`reconnected_at` integer,
	`reconnected_by` text,
	`note` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `authorizations_store_at_idx` ON `authorizations` (`store_id`,`authorized_at`);--> statement-breakpoint
CREATE TABLE `check_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`stores_checked` integer DEFAULT 0 NOT NULL,
	`status_changes` integer DEFAULT 0 NOT NULL,
	`reminders_fired` integer DEFAULT 0 NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `check_runs_started_idx` ON `check_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `reminder_snoozes` (
	`store_id` integer PRIMARY KEY NOT NULL,
	`until` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`deadline_kind` text NOT NULL,
	`deadline_at` integer NOT NULL,
	`rung_days` integer NOT NULL,
	`due_at` integer NOT NULL,
	`state` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`fired_at` integer NOT NULL,
	`delivered_at` integer,
	`read_at` integer,
	`run_id` integer,
	`delivery_error` text,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_rung_unique` ON `reminders` (`store_id`,`deadline_kind`,`deadline_at`,`rung_days`);--> statement-breakpoint
CREATE INDEX `reminders_fired_idx` ON `reminders` (`fired_at`);--> statement-breakpoint
CREATE INDEX `reminders_state_idx` ON `reminders` (`state`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `store_status` (
	`store_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`deadline_at` integer,
	`deadline_kind` text,
	`next_action` text,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `store_status_status_idx` ON `store_status` (`status`);--> statement-breakpoint
CREATE INDEX `store_status_deadline_idx` ON `store_status` (`deadline_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`store_id` integer PRIMARY KEY NOT NULL,
	`service_version` text NOT NULL,
	`period` text NOT NULL,
	`start_at` integer,
	`end_at` integer,
	`source` text NOT NULL,
	`checked_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
