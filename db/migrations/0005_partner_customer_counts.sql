CREATE TABLE `partner_customer_counts` (
	`partner_id` text PRIMARY KEY NOT NULL,
	`customers` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `partner_customer_counts` (`partner_id`, `customers`) SELECT `partner_id`, count(*) FROM `customers` GROUP BY `partner_id`;
--> statement-breakpoint
CREATE TRIGGER `customers_count_insert` AFTER INSERT ON `customers` BEGIN
	INSERT INTO `partner_customer_counts` (`partner_id`, `customers`) VALUES (new.`partner_id`, 1)
	ON CONFLICT (`partner_id`) DO UPDATE SET `customers` = `customers` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_count_delete` AFTER DELETE ON `customers` BEGIN
	UPDATE `partner_customer_counts` SET `customers` = `customers` - 1 WHERE `partner_id` = old.`partner_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_count_move` AFTER UPDATE OF `partner_id` ON `customers` WHEN old.`partner_id` <> new.`partner_id` BEGIN
	UPDATE `partner_customer_counts` SET `customers` = `customers` - 1 WHERE `partner_id` = old.`partner_id`;
	INSERT INTO `partner_customer_counts` (`partner_id`, `customers`) VALUES (new.`partner_id`, 1)
	ON CONFLICT (`partner_id`) DO UPDATE SET `customers` = `customers` + 1;
END;
