CREATE TABLE `erased_messages` (
	`external_id` text PRIMARY KEY NOT NULL,
	`erased_at` integer NOT NULL
);
