import type { List, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import {
  careGapSubjects,
  toSubjectListMeasureReport,
  type SubjectStrataInput,
} from '../../src/measures/measure-report-subject-list';
import { inDenominator } from './stratification-fixtures';

const isList = (r: Resource | undefined): r is List => r?.resourceType === 'List';

const patients: SubjectStrataInput[] = [
  { patientId: 'a', ...inDenominator(true, { race: '2054-5' }) },
  { patientId: 'b', ...inDenominator(false, { race: '2054-5' }) },
  { patientId: 'c', ...inDenominator(false, { race: '2106-3' }) },
];

describe('subject lists', () => {
  it('lists patients not meeting the measure, following the improvement notation', () => {
    const black = [{ dimension: 'race', key: '2054-5' }] as const;
    expect(careGapSubjects(patients, black, 'increase')).toEqual(['b']); // CMS165: not controlled
    expect(careGapSubjects(patients, black, 'decrease')).toEqual(['a']); // CMS122: numerator is poor control
    expect(careGapSubjects(patients, [], 'increase')).toEqual(['b', 'c']);
  });

  it('builds a subject-list MeasureReport whose populations point at contained Lists', () => {
    const mr = toSubjectListMeasureReport(patients, [['race']], 'increase', {
      measure: 'https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure',
      period: { start: '2026-01-01', end: '2026-12-31' },
    });
    expect(mr.type).toBe('subject-list');
    const numerator = mr.group?.[0]?.population?.find((p) => p.code?.coding?.[0]?.code === 'numerator');
    const list = mr.contained?.find((r) => `#${r.id ?? ''}` === numerator?.subjectResults?.reference);
    expect(isList(list) ? list.entry?.map((e) => e.item.reference) : []).toEqual(['Patient/a']);
  });
});
