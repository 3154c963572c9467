CREATE TABLE `api_cart_lines` (
	`cart_id` text NOT NULL,
	`line_number` integer NOT NULL,
	`offer_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`billing_frequency` text NOT NULL,
	`friendly_name` text,
	`term_duration` text,
	`participants` text,
	PRIMARY KEY(`cart_id`, `line_number`),
	FOREIGN KEY (`cart_id`) REFERENCES `api_carts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_cart_lines_offer_idx` ON `api_cart_lines` (`offer_id`);--> statement-breakpoint
CREATE TABLE `api_carts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`created_by` text,
	`last_modified_by` text,
	`created_at` integer NOT NULL,
	`last_modified_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_modified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_carts_customer_idx` ON `api_carts` (`partner_id`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `api_requests` (
	`partner_id` text NOT NULL,
	`request_id` text NOT NULL,
	`operation` text NOT NULL,
	`target_id` text NOT NULL,
	`result_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_requests_unique` ON `api_requests` (`partner_id`,`request_id`);--> statement-breakpoint
CREATE INDEX `api_requests_age_idx` ON `api_requests` (`partner_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `friendly_name` text;