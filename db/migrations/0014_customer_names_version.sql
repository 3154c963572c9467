CREATE TABLE `customer_names_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);

--> statement-breakpoint
INSERT INTO `customer_names_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `customer_names_insert` AFTER INSERT ON `customers` BEGIN
	UPDATE `customer_names_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_names_delete` AFTER DELETE ON `customers` BEGIN
	UPDATE `customer_names_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_names_update` AFTER UPDATE OF `name`, `partner_id` ON `customers` WHEN old.`name` IS NOT new.`name` OR old.`partner_id` IS NOT new.`partner_id` BEGIN
	UPDATE `customer_names_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
