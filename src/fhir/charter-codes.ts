import { APP_BASE } from '../domain/systems';

/** Code systems, extension URLs and identifier systems of the charter storage (see `charter-README.md`). */

/** The app's codes for charters: `equity-charter`, goal categories, target measures, PDSA input/output types. */
export const CHARTER_CODE_SYSTEM = `${APP_BASE}/CodeSystem/charter`;
/** Business identifiers the app gives charter resources, so that every write can be a conditional create. */
export const CHARTER_IDENTIFIER_SYSTEM = `${APP_BASE}/identifier/charter`;
/** Complex extension on the charter's PlanDefinition holding what the app needs to recompute it. */
export const CHARTER_EXTENSION = `${APP_BASE}/StructureDefinition/equity-charter`;
/** Extension on a charter MeasureReport saying which snapshot it is (`baseline`, `cycle-start`, `cycle-end`). */
export const SNAPSHOT_ROLE_EXTENSION = `${APP_BASE}/StructureDefinition/charter-snapshot-role`;
/** FHIR core extension (any resource): the resource relates to the measurement of, or progress towards, a goal. */
export const PERTAINS_TO_GOAL = 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal';
export const PLAN_DEFINITION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/plan-definition-type';
export const UCUM = 'http://unitsofmeasure.org';
/** The app's own Measure canonical for a charter's measure (`<base>/Measure/cms165`). */
export const charterMeasureUrl = (measure: string): string => `${APP_BASE}/Measure/charter-${measure}`;

/** Codes in {@link CHARTER_CODE_SYSTEM}. */
export const CHARTER_CODES = {
  charter: 'equity-charter',
  improvementGoal: 'equity-improvement-goal',
  gapGoal: 'equity-gap-goal',
  rateOverall: 'rate-overall',
  rateFocus: 'rate-focus',
  rateReference: 'rate-reference',
  gap: 'gap',
  pdsaCycle: 'pdsa-cycle',
  processMetric: 'process-metric',
  processMetricGoal: 'process-metric-goal',
  snapshotStart: 'snapshot-start',
  snapshotEnd: 'snapshot-end',
  decision: 'pdsa-decision',
  charterGroup: 'charter-group',
  focus: 'focus',
  reference: 'reference',
} as const;
