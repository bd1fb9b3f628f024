CREATE TABLE `authorization_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`mode` text NOT NULL,
	`state_hash` text NOT NULL,
	`country` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`expires_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`outcome_at` integer,
	`outcome_reason` text,
	`used_at` integer,
	`authorization_id` integer,
	`authorized_country` text,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authorization_id`) REFERENCES `authorizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authorization_attempts_state_unique` ON `authorization_attempts` (`state_hash`);--> statement-breakpoint
CREATE INDEX `authorization_attempts_store_idx` ON `authorization_attempts` (`store_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `checklist_run_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`step_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`done_at` integer,
	`done_by` text,
	`done_via` text,
	`note` text,
	`note_at` integer,
	`note_by` text,
	`values` text,
	FOREIGN KEY (`run_id`) REFERENCES `checklist_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_run_steps_unique` ON `checklist_run_steps` (`run_id`,`step_id`);--> statement-breakpoint
CREATE TABLE `checklist_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`playbook` text NOT NULL,
	`playbook_version` integer NOT NULL,
	`country` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`started_by` text NOT NULL,
	`ended_at` integer,
	`ended_by` text,
	`end_note` text,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_runs_one_open` ON `checklist_runs` (`store_id`,`playbook`) WHERE "checklist_runs"."status" = 'open';--> statement-breakpoint
CREATE INDEX `checklist_runs_store_idx` ON `checklist_runs` (`store_id`,`started_at`);