import { z } from 'zod';

/** The body of `POST /__sandbox/faults`. */
export const faultSpecSchema = z.object({
  /** HTTP status to answer with, 400–599 (429, 500 and 503 are the usual ones). */
  status: z.number().int().min(400).max(599),
  /** How many matching requests fail (after `afterMatches` have passed). */
  count: z.number().int().min(1).max(10_000).default(1),
  /** Only requests with this method (any when absent). */
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** A regular expression tested against the path after the FHIR base plus query, e.g. `^Observation\?` (any when absent). */
  path: z.string().max(500).refine(isRegExp, { message: 'not a valid regular expression' }).optional(),
  /** Seconds to put in a Retry-After header. */
  retryAfter: z.number().int().min(0).max(3600).optional(),
  /** Let this many matching requests through before failing (to break paging half-way, say). */
  afterMatches: z.number().int().min(0).max(100_000).default(0),
});

/** A fault as the client describes it. */
export type FaultSpec = z.input<typeof faultSpecSchema>;

/** A fault rule being applied, with how many requests it will still let through and fail. */
export interface ActiveFault {
  readonly id: number;
  readonly status: number;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly retryAfter: number | undefined;
  passesLeft: number;
  failuresLeft: number;
}

/** What a request that must fail should be answered with. */
export interface InjectedFailure {
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly ruleId: number;
}

/**
 * Makes chosen FHIR requests fail on purpose, for end-to-end tests of retries, rate limits and error screens.
 * Rules apply in the order they were added; each counts its own matches.
 */
export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a rule from an untrusted body; throws a ZodError when it is invalid. */
  add(spec: unknown): ActiveFault {
    const parsed = faultSpecSchema.parse(spec);
    const rule: ActiveFault = {
      id: this.nextId++,
      status: parsed.status,
      method: parsed.method,
      path: parsed.path,
      retryAfter: parsed.retryAfter,
      passesLeft: parsed.afterMatches,
      failuresLeft: parsed.count,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules still active. */
  list(): readonly ActiveFault[] {
    return this.rules;
  }

  /**
   * Decides the fate of one request (`target` is the path after the FHIR base, with its query string): the first
   * rule that matches and has used up its pass-throughs fails it. Matching counts down the rules' budgets.
   */
  next(method: string, target: string): InjectedFailure | undefined {
    for (const rule of this.rules) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.path !== undefined && !new RegExp(rule.path).test(target)) continue;
      if (rule.passesLeft > 0) {
        rule.passesLeft--;
        continue;
      }
      rule.failuresLeft--;
      if (rule.failuresLeft <= 0) this.rules = this.rules.filter((other) => other !== rule);
      return { status: rule.status, retryAfter: rule.retryAfter, ruleId: rule.id };
    }
    return undefined;
  }
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
