CREATE TABLE `lazada_subscriptions` (
	`store_id` integer PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`short_code` text NOT NULL,
	`article_code` text NOT NULL,
	`state` text,
	`end_at` integer,
	`item_name` text,
	`auto_renew` integer,
	`checked_at` integer,
	`error_cause` text,
	`error_message` text,
	`error_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lazada_tokens` (
	`store_id` integer PRIMARY KEY NOT NULL,
	`authorization_id` integer,
	`ciphertext` text NOT NULL,
	`backend` text NOT NULL,
	`country` text NOT NULL,
	`account` text,
	`seller_id` text,
	`short_code` text,
	`access_expires_at` integer NOT NULL,
	`refresh_expires_at` integer,
	`market_bound` integer DEFAULT false NOT NULL,
	`state` text NOT NULL,
	`state_reason` text,
	`obtained_at` integer NOT NULL,
	`refreshed_at` integer,
	`probed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authorization_id`) REFERENCES `authorizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`ciphertext` text NOT NULL,
	`backend` text NOT NULL,
	`unprotected_consent_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `check_runs` ADD `remote` text;