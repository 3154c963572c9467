CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`cloud` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE INDEX `users_partner_idx` ON `users` (`partner_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`billing_country` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`first_billing_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_partner_name_idx` ON `customers` (`partner_id`,`name`);--> statement-breakpoint
CREATE INDEX `customers_partner_created_idx` ON `customers` (`partner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `customers_partner_country_idx` ON `customers` (`partner_id`,`billing_country`);--> statement-breakpoint
CREATE TABLE `offer_segments` (
	`offer_id` text NOT NULL,
	`segment` text NOT NULL,
	PRIMARY KEY(`segment`, `offer_id`),
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`publisher_name` text NOT NULL,
	`publisher_kind` text NOT NULL,
	`billing_type` text NOT NULL,
	`category` text NOT NULL,
	`cloud` text NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`monthly_price_minor` integer,
	`annual_price_minor` integer,
	`min_quantity` integer DEFAULT 1 NOT NULL,
	`max_quantity` integer DEFAULT 1 NOT NULL,
	`one_per_customer` integer DEFAULT false NOT NULL,
	`supported_countries` text,
	`available_through_csp` integer DEFAULT true NOT NULL,
	`exclusive_to_partner_ids` text,
	`transactable` integer DEFAULT true NOT NULL,
	`setup_url` text,
	`management_portal_url` text,
	`free_trial_days` integer DEFAULT 0 NOT NULL,
	`prerequisite_offer_id` text
);
--> statement-breakpoint
CREATE INDEX `offers_catalog_idx` ON `offers` (`cloud`,`prerequisite_offer_id`,`name`);--> statement-breakpoint
CREATE INDEX `offers_filters_idx` ON `offers` (`cloud`,`publisher_kind`,`billing_type`,`category`,`name`);--> statement-breakpoint
CREATE INDEX `offers_prerequisite_idx` ON `offers` (`prerequisite_offer_id`);--> statement-breakpoint
CREATE TABLE `cart_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`offer_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`billing_frequency` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cart_lines_unique` ON `cart_lines` (`user_id`,`customer_id`,`offer_id`,`billing_frequency`);--> statement-breakpoint
CREATE INDEX `cart_lines_owner_idx` ON `cart_lines` (`partner_id`,`user_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`user_id` text,
	`idempotency_key` text NOT NULL,
	`placed_at` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`currency` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency_unique` ON `orders` (`partner_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`partner_id`,`customer_id`,`placed_at`);--> statement-breakpoint
CREATE TABLE `activity_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`actor_user_id` text,
	`actor_name` text NOT NULL,
	`actor_role` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_subscription_idx` ON `activity_log` (`subscription_id`,`at`);--> statement-breakpoint
CREATE INDEX `activity_partner_idx` ON `activity_log` (`partner_id`,`at`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`charge_start` integer NOT NULL,
	`charge_end` integer NOT NULL,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_customer_idx` ON `ledger_entries` (`partner_id`,`customer_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `ledger_subscription_idx` ON `ledger_entries` (`subscription_id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`order_id` text,
	`offer_id` text NOT NULL,
	`base_subscription_id` text,
	`quantity` integer NOT NULL,
	`billing_frequency` text NOT NULL,
	`status` text NOT NULL,
	`auto_renew` integer NOT NULL,
	`ordered_at` integer NOT NULL,
	`trial_ends_at` integer,
	`trial_converted_at` integer,
	`term_start` integer NOT NULL,
	`term_end` integer NOT NULL,
	`suspended_at` integer,
	`suspension_reason` text,
	`deletion_at` integer,
	`suspended_with_base` integer DEFAULT false NOT NULL,
	`cancellation_scheduled_at` integer,
	`cancellation_reason` text,
	`cancellation_comment` text,
	`ended_at` integer,
	`scheduled_quantity` integer,
	`data_removed` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscriptions_customer_idx` ON `subscriptions` (`partner_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `subscriptions_offer_idx` ON `subscriptions` (`customer_id`,`offer_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_base_idx` ON `subscriptions` (`base_subscription_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_term_end_idx` ON `subscriptions` (`status`,`term_end`);--> statement-breakpoint
CREATE INDEX `subscriptions_trial_idx` ON `subscriptions` (`status`,`trial_ends_at`);--> statement-breakpoint
CREATE INDEX `subscriptions_deletion_idx` ON `subscriptions` (`status`,`deletion_at`);--> statement-breakpoint
CREATE TABLE `app_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`offset_ms` integer DEFAULT 0 NOT NULL,
	`processed_until` integer,
	`demo_data` integer DEFAULT false NOT NULL
);
