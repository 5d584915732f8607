import { generatePopulation } from '../sandbox/seed/population';
import { evaluatePatient } from '../src/measures/evaluate-patient';
import { patientIdOf } from '../src/worker/patient-reference';
import type { Resource } from 'fhir/r4';
const p = generatePopulation({seed:7, patients:400, anchor:'2026-06-30'});
const by = new Map<string, Resource[]>();
for (const r of p.resources) { const id = r.resourceType==='Patient'? r.id : patientIdOf(r as never); if (!id) continue; const l = by.get(id) ?? []; l.push(r); by.set(id,l); }
for (const m of ['cms165','cms122'] as const) {
  let ip=0, ex=0, num=0, mism=0;
  p.intents.forEach((intent) => {
    const res = evaluatePatient(m, {patientId: intent.patientId, resources: by.get(intent.patientId) ?? []}, {start:'2026-01-01', end:'2026-12-31'});
    if (res.populations.initialPopulation) ip++; if (res.populations.denominatorExclusion) ex++; if (res.populations.numerator) num++;
    const i = intent[m];
    if (i.initialPopulation !== res.populations.initialPopulation || i.excluded !== res.populations.denominatorExclusion || (i.numerator && !i.excluded) !== res.populations.numerator) mism++;
  });
  console.log(m, ip, ex, num, 'mismatch', mism, JSON.stringify(p.summary[m].overall));
}
console.log(p.summary.measurementPeriod, p.messyCases.length);
