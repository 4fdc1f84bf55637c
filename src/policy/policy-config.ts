import type { Config } from '../config/config.js';
import { type BusinessHours, parseBusinessHours } from './business-hours.js';

/** Every number and list the escalation policy uses (DESIGN.md: all of it is configuration). */
export interface PolicyConfig {
  frustrationThreshold: number;
  failedAttemptsThreshold: number;
  businessHours: BusinessHours;
  slaMinutes: number;
}

export function policyConfigFrom(config: Config): PolicyConfig {
  return {
    frustrationThreshold: config.FRUSTRATION_THRESHOLD,
    failedAttemptsThreshold: config.FAILED_ATTEMPTS_THRESHOLD,
    businessHours: parseBusinessHours(
      config.BUSINESS_HOURS,
      config.BUSINESS_TIMEZONE,
      config.BUSINESS_CLOSED_DATES,
    ),
    slaMinutes: config.HANDOFF_SLA_MINUTES,
  };
}
