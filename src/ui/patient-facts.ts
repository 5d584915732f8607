import { z } from 'zod';

const patientSchema = z.looseObject({
  birthDate: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  gender: z.string().optional(),
});

/** Birth date, age in whole years at `today`, and administrative gender, each undefined when absent or malformed. */
export function patientFacts(
  patient: unknown,
  today: Date = new Date(),
): { birthDate: string | undefined; age: number | undefined; gender: string | undefined } {
  const parsed = patientSchema.safeParse(patient);
  if (!parsed.success) return { birthDate: undefined, age: undefined, gender: undefined };
  const { birthDate, gender } = parsed.data;
  let age: number | undefined;
  if (birthDate !== undefined && birthDate.length === 10) {
    const [year, month, day] = birthDate.split('-').map(Number);
    if (year !== undefined && month !== undefined && day !== undefined) {
      const hadBirthday =
        today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
      age = today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
    }
  }
  return { birthDate, age, gender };
}
