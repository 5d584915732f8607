import { z } from 'zod';
import { DEFAULT_PROMPT_INTERVAL_MONTHS } from '../../../domain/racism-prompt-due';

const months = z.coerce.number().int().min(1).max(120);

/**
 * Months after an answer before the racism-experience prompt is due again: `VITE_RACISM_PROMPT_INTERVAL_MONTHS` at
 * build time (a clinic's policy), else 12. An unusable value falls back to the default rather than break the view.
 */
export function promptIntervalMonths(configured: unknown = import.meta.env.VITE_RACISM_PROMPT_INTERVAL_MONTHS): number {
  const parsed = months.safeParse(configured);
  return parsed.success ? parsed.data : DEFAULT_PROMPT_INTERVAL_MONTHS;
}
