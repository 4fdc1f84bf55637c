CREATE TABLE `channel_refusals` (
	`channel` text PRIMARY KEY NOT NULL,
	`code` integer NOT NULL,
	`action` text NOT NULL,
	`since` integer NOT NULL,
	`last_at` integer NOT NULL
);
