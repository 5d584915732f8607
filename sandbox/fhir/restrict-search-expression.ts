/**
 * Keeps only the branches of a shared search parameter's FHIRPath expression that apply to one resource type.
 *
 * Shared parameters such as `patient`, `code` or `date` have one expression that unions a branch per resource type
 * (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | …`). Medplum's in-memory matcher
 * evaluates every branch for every resource, which made a patient-scoped search over 20k observations take seconds.
 * Evaluating only the searched type's own branches gives the same answer, because the other branches start with
 * another type name and can never match.
 *
 * Returns the expression unchanged when it has no top-level union or no branch names the type (so nothing is lost).
 */
export function restrictSearchExpression(resourceType: string, expression: string): string {
  const branches = splitTopLevelUnion(expression);
  if (branches.length < 2) return expression;
  const own = branches.filter((branch) => branchAppliesTo(resourceType, branch));
  return own.length === 0 ? expression : own.join(' | ');
}

/** A branch applies when, after its opening parentheses, it starts with the type name as a path root. */
function branchAppliesTo(resourceType: string, branch: string): boolean {
  const root = branch.replace(/^\(+/, '');
  return root === resourceType || root.startsWith(`${resourceType}.`) || root.startsWith(`${resourceType})`);
}

/** Splits on `|` outside parentheses and string literals, trimming each part. */
function splitTopLevelUnion(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === "'") quoted = false;
    } else if (ch === "'") quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}
