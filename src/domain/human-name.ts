import { z } from 'zod';

const humanNameSchema = z.looseObject({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  period: z.looseObject({ end: z.string().optional() }).optional(),
});

const namedSchema = z.looseObject({ name: z.array(z.unknown()).optional() });

const USE_RANK: Record<string, number> = { official: 0, usual: 1 };

/**
 * The name to show for a Patient or Practitioner: the official (else usual, else first) name that has not ended,
 * as "Given Family". Malformed names are skipped rather than shown half-parsed.
 */
export function displayName(resource: unknown): string | undefined {
  const parsed = namedSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const names = (parsed.data.name ?? [])
    .map((name) => humanNameSchema.safeParse(name))
    .flatMap((result) => (result.success ? [result.data] : []))
    .filter((name) => name.use !== 'old' && name.period?.end === undefined);
  names.sort((a, b) => (USE_RANK[a.use ?? ''] ?? 2) - (USE_RANK[b.use ?? ''] ?? 2));
  const best = names[0];
  if (best === undefined) return undefined;
  const composed = [...(best.given ?? []), best.family ?? ''].join(' ').trim();
  return composed.length > 0 ? composed : best.text?.trim() || undefined;
}
