import type { TypedValueWithPath } from '@medplum/core';
import { OperationOutcomeError, badRequest, businessRule, validateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { requiredCodeIssues } from './required-codes';

/**
 * Checks a resource a client wants to create or update against the R4 base definitions (Medplum's
 * `validateResource`: cardinality, data types, unknown elements, invariants; plus the codes of required bindings,
 * see {@link requiredCodeIssues}). Structural problems and wrong codes give 400, as the
 * FHIR HTTP page says for resources that fail basic validation; only broken invariants (rules such as `obs-6`)
 * give 422, the status for content that is well formed but violates the specification's rules.
 * Throws an OperationOutcomeError whose issues say what is wrong and where.
 */
export function validateForWrite(resource: Resource, r4Types: ReadonlySet<string>): void {
  if (!r4Types.has(resource.resourceType)) {
    throw new OperationOutcomeError(badRequest(`Unknown resource type: ${resource.resourceType}`, 'resourceType'));
  }
  const tokens: Record<string, TypedValueWithPath[]> = {};
  try {
    validateResource(resource, { collect: { tokens } });
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    const issues = err.outcome.issue;
    const onlyInvariants = issues.filter(isError).every((issue) => issue.code === 'invariant');
    throw new OperationOutcomeError(
      onlyInvariants ? { ...businessRule('invariant', ''), issue: issues } : { ...err.outcome, id: undefined },
    );
  }
  const codeIssues = requiredCodeIssues(tokens);
  if (codeIssues.length > 0) throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: codeIssues });
}

/** Narrows a parsed request body to a resource (an object with a string `resourceType`), else throws a 400. */
export function asResourceBody(body: unknown): Resource {
  if (!isResourceLike(body)) {
    throw new OperationOutcomeError(badRequest('The body must be a FHIR resource (a JSON object with resourceType)'));
  }
  return body;
}

/**
 * Only the shape is checked here; {@link validateForWrite} checks the content before anything is stored.
 */
function isResourceLike(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'resourceType' in value &&
    typeof value.resourceType === 'string'
  );
}

function isError(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}
