CREATE TABLE `handoff_reads` (
	`agent_id` text NOT NULL,
	`handoff_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `handoff_id`)
);
