CREATE TABLE `sandbox_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`seeded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sandboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	`created_from` text
);
--> statement-breakpoint
CREATE INDEX `sandboxes_address_idx` ON `sandboxes` (`created_from`,`created_at`);--> statement-breakpoint
CREATE INDEX `sandboxes_last_used_idx` ON `sandboxes` (`last_used_at`);--> statement-breakpoint
ALTER TABLE `partners` ADD `template` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `sandbox_id` text REFERENCES sandboxes(id);--> statement-breakpoint
CREATE INDEX `partners_sandbox_idx` ON `partners` (`sandbox_id`);--> statement-breakpoint
CREATE INDEX `partners_template_idx` ON `partners` (`template`);