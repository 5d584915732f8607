import { z } from 'zod';
import { patientAgeAt } from '../domain/age';

const patientSchema = z.looseObject({
  birthDate: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  gender: z.string().optional(),
});

/**
 * Birth date, age in whole years at `today` (only for a full birth date), and administrative gender, each
 * undefined when absent or malformed.
 */
export function patientFacts(
  patient: unknown,
  today: Date = new Date(),
): { birthDate: string | undefined; age: number | undefined; gender: string | undefined } {
  const parsed = patientSchema.safeParse(patient);
  if (!parsed.success) return { birthDate: undefined, age: undefined, gender: undefined };
  const { birthDate, gender } = parsed.data;
  const age = birthDate?.length === 10 ? patientAgeAt(patient, today.toISOString().slice(0, 10)).value : undefined;
  return { birthDate, age, gender };
}
