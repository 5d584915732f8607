import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../sandbox/seed/population';
import { createRng } from '../../sandbox/seed/prng';
import { buildSyntheticPatient } from '../../bench/synthetic-patient';
import { mustParse } from '../../src/cli/line-prefilter';
import { compactResource } from '../../src/worker/compact-resource';
import { readDeck } from './deck-export';

function* lines(): Generator<{ type: string; line: string }> {
  const resources: { resourceType: string }[] = [
    ...readDeck('CMS165-2025').cases.flatMap((c) => c.resources),
    ...readDeck('CMS122-2025').cases.flatMap((c) => c.resources),
    ...generatePopulation({ seed: 3, patients: 200, anchor: '2026-06-30' }).resources,
  ];
  for (const r of resources) yield { type: r.resourceType, line: JSON.stringify(r) };
  for (let i = 1; i <= 50; i++) {
    for (const r of buildSyntheticPatient(i, 'synthea', createRng(i), 2026))
      yield { type: String(r.resourceType), line: JSON.stringify(r) };
  }
}

describe('mustParse', () => {
  it('never skips a line that compactResource would keep (decks, sandbox and Synthea-like data)', () => {
    let skipped = 0;
    for (const { type, line } of lines()) {
      if (mustParse(line, type)) continue;
      skipped++;
      expect({ line, kept: compactResource(JSON.parse(line)).kind === 'keep' }).toEqual({ line, kept: false });
    }
    expect(skipped).toBeGreaterThan(1000);
  });

  it('parses whatever it cannot judge safely', () => {
    const weight =
      '{"resourceType":"Observation","id":"o","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]}}';
    expect(mustParse(weight, 'Observation')).toBe(false);
    expect(mustParse(weight.replace('29463-7', '85354-9'), 'Observation')).toBe(true);
    expect(mustParse(weight.replace('29463-7', '8535\\u0034-9'), 'Observation')).toBe(true);
    expect(mustParse(weight, 'Condition')).toBe(true);
    expect(mustParse(weight.slice(0, 60), 'Observation')).toBe(true);
    expect(mustParse('{"resourceType":"Patient","id":"p"}', 'Observation')).toBe(true);
    expect(mustParse(weight, undefined)).toBe(true);
    // Whitespace between a key and its value (a tab here) must not hide a relevant code.
    expect(mustParse(weight.replace('"code":"29463-7"', '"code":\t"85354-9"'), 'Observation')).toBe(true);
    expect(mustParse('{"resourceType":"Patient","id":"p"}', 'Patient')).toBe(true);
  });

  it('judges spaced JSON as it judges minified JSON', () => {
    const spaced = (code: string): string =>
      `{ "resourceType" : "Observation", "id": "o", "code": { "coding": [ { "system" : "http://loinc.org", "code"\n:\r "${code}" } ] } }`;
    expect(mustParse(spaced('29463-7'), 'Observation')).toBe(false);
    expect(mustParse(spaced('85354-9'), 'Observation')).toBe(true);
    expect(mustParse(spaced('29463-7'), 'Condition')).toBe(true);
  });

  it('reads only "code" keys, and parses a line that names a second resource type', () => {
    const weight = '{"resourceType":"Observation","id":"o","code":{"coding":[{"code":"29463-7","display":"code"}]}';
    // "code" as a string value followed by another value is not a key: the relevant code after it is not taken.
    expect(mustParse(`${weight},"note":"code","x":"85354-9"}`, 'Observation')).toBe(false);
    expect(mustParse(`${weight},"note":"x","code" : "85354-9"}`, 'Observation')).toBe(true);
    // A duplicate key: JSON.parse keeps the last one, so the line may be of another type.
    expect(mustParse(`${weight},"resourceType":"Condition"}`, 'Observation')).toBe(true);
    expect(mustParse(`${weight},"resourceType" :"Observation"}`, 'Observation')).toBe(true);
  });
});
