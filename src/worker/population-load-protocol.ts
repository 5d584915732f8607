import { z } from 'zod';
import { SELF_REPORT_FIELDS, type SelfReportField } from '../domain/self-report-answers';
import { APP_ERROR_KINDS, type AppErrorInit } from '../fhir/app-error';
import type { LoadProgress, SearchProgress } from '../fhir/population-load';
import type { PopulationSearch } from '../fhir/population-queries';

// The parts of the worker protocol for a population the worker loads itself (`load`): what to read, progress,
// and what the panels need besides the measures (names, self-reports, skipped searches). The types are written
// out; each schema `satisfies` its type.

/** What the worker reads: the searches of a population plan, against one FHIR server, with one access token. */
export interface LoadRequest {
  /** FHIR base URL (the launch's `iss`); next links must stay on it. */
  readonly baseUrl: string;
  /** The access token, sent only to `baseUrl`. Undefined for an open server. */
  readonly accessToken?: string;
  readonly searches: readonly PopulationSearch[];
  /** Searches run at once (default 3). */
  readonly concurrency?: number;
  /** Keep patients' display names for the outreach list (only when the token allows reading patients). */
  readonly keepNames: boolean;
}

/** A search that failed for good but was not needed for the numbers. */
export interface SkippedSearchInit {
  readonly search: PopulationSearch;
  readonly error: AppErrorInit;
}

/** What a finished load read besides the measures' input. Maps travel as entry lists. */
export interface LoadedPopulation {
  /** Patient id → display name; undefined unless names were asked for. */
  readonly names?: readonly (readonly [string, string])[];
  /** `Practitioner/<id>` → display name. */
  readonly practitioners: readonly (readonly [string, string])[];
  /** Patient id → self-reported fields; undefined when no self-report search could be read. */
  readonly selfReports?: readonly (readonly [string, readonly SelfReportField[]])[];
  readonly skipped: readonly SkippedSearchInit[];
  readonly progress: LoadProgress;
}

const count = z.number().int().nonnegative();

export const populationSearchSchema = z.object({
  type: z.string().min(1),
  path: z.string().min(1),
  role: z.enum(['patients', 'clinical', 'self-report', 'practitioners']),
  label: z.string(),
  required: z.boolean(),
  includes: z.boolean().optional(),
}) satisfies z.ZodType<PopulationSearch>;

export const loadRequestSchema = z.object({
  baseUrl: z.string().regex(/^https?:\/\//),
  accessToken: z.string().min(1).optional(),
  searches: z.array(populationSearchSchema).min(1),
  concurrency: z.number().int().min(1).max(16).optional(),
  keepNames: z.boolean(),
}) satisfies z.ZodType<LoadRequest>;

export const appErrorInitSchema = z.object({
  kind: z.enum(APP_ERROR_KINDS),
  title: z.string(),
  detail: z.string(),
  action: z.string(),
  status: z.number().int().optional(),
  diagnostics: z.array(z.string()).optional(),
  retryable: z.boolean().optional(),
}) satisfies z.ZodType<AppErrorInit>;

const searchProgressSchema = z.object({
  search: populationSearchSchema,
  state: z.enum(['waiting', 'loading', 'retrying', 'done', 'failed', 'skipped']),
  pages: count,
  resources: count,
  total: count.optional(),
  retryInMs: z.number().nonnegative().optional(),
}) satisfies z.ZodType<SearchProgress>;

export const loadProgressSchema = z.object({
  searches: z.array(searchProgressSchema),
  pages: count,
  resources: count,
  patients: count,
  retries: count,
}) satisfies z.ZodType<LoadProgress>;

const entry = z.tuple([z.string(), z.string()]);

export const loadedPopulationSchema = z.object({
  names: z.array(entry).optional(),
  practitioners: z.array(entry),
  selfReports: z.array(z.tuple([z.string(), z.array(z.enum(SELF_REPORT_FIELDS))])).optional(),
  skipped: z.array(z.object({ search: populationSearchSchema, error: appErrorInitSchema })),
  progress: loadProgressSchema,
}) satisfies z.ZodType<LoadedPopulation>;
