CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `store_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`changes` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `store_history_store_at_idx` ON `store_history` (`store_id`,`at`);--> statement-breakpoint
CREATE TABLE `stores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_name` text NOT NULL,
	`store_name` text NOT NULL,
	`country` text NOT NULL,
	`seller_short_code` text,
	`seller_id` text,
	`login_email` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`contact_channel` text,
	`oms_store_ref` text,
	`owner_kam` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`search_text` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stores_country_short_code_unique` ON `stores` (`country`,`seller_short_code`) WHERE "stores"."seller_short_code" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `stores_country_login_email_unique` ON `stores` (`country`,`login_email`) WHERE "stores"."seller_short_code" IS NULL AND "stores"."login_email" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `stores_client_name_idx` ON `stores` (`client_name`);--> statement-breakpoint
CREATE INDEX `stores_owner_kam_idx` ON `stores` (`owner_kam`);