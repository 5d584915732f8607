import { describe, expect, it } from 'vitest';
import { ByteLineJudge, partOfLine, partOfPatient, patientHint } from '../../src/cli/line-ownership';

const obs = (subject: string) => `{"resourceType":"Observation","id":"o1",${subject},"status":"final"}`;

describe('patientHint', () => {
  it.each([
    [obs('"subject":{"reference":"Patient/p1"}'), 'p1'],
    [obs('"subject" : { "reference" :\t"Patient/p1" }'), 'p1'],
    [obs('"subject":{"reference":"https://ehr.example/fhir/Patient/p1/_history/3"}'), 'p1'],
    [obs('"encounter":{"reference":"Encounter/e1"},"subject":{"reference":"Patient/p1"}'), 'p1'],
    [obs('"performer":[{"reference":"Patient/p2"}],"subject":{"reference":"Patient/p1"}'), 'p2'],
    [obs('"subject":{"reference":"Group/g1"}'), undefined],
    ['{"resourceType":"Medication","id":"m1"}', undefined],
  ])('guesses from %s', (line, hint) => {
    expect(patientHint(line, false)).toBe(hint);
  });

  it('takes the id of a Patient', () => {
    expect(patientHint('{"resourceType":"Patient", "meta":{}, "id" : "p9"}', true)).toBe('p9');
  });
});

describe('partOfLine', () => {
  it('gives a line with a hint to its patient’s part, and one without by line number', () => {
    const line = obs('"subject":{"reference":"Patient/p7"}');
    for (const parts of [2, 3, 5]) {
      expect(partOfLine(line, 1, false, parts)).toBe(partOfPatient('p7', parts));
      expect(partOfLine('not json', 7, false, parts)).toBe(7 % parts);
    }
  });

  it('spreads patients evenly', () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => `p${i + 1}`);
    const sizes = [0, 1, 2].map((part) => ids.filter((id) => partOfPatient(id, 3) === part).length);
    for (const size of sizes) expect(Math.abs(size - 10_000)).toBeLessThan(500);
  });
});

describe('ByteLineJudge', () => {
  const lines = [
    obs('"subject":{"reference":"Patient/p1"}'),
    '{"resourceType":"Medication","id":"m1"}',
    obs('"subject" : {"reference": "Patient/p2"}'),
    obs('"subject":{"reference":"Patient/p3/_history/1"}'),
    obs('"subject":{"reference":"Patient/p\\u0034"}'),
    obs('"subject":{"reference":"Patient/pé"}'),
    obs('"subject":{"reference":"Patient/p5"}'),
  ];

  it.each([false, true])('agrees with partOfLine wherever it answers (Patient file: %s)', (patientFile) => {
    const all = patientFile ? [...lines, '{"resourceType":"Patient","id":"p8","gender":"male"}'] : lines;
    const bytes = Buffer.from(all.join('\n'));
    for (const parts of [2, 3, 4]) {
      const judge = new ByteLineJudge(bytes, patientFile, parts);
      let start = 0;
      all.forEach((line, i) => {
        const end = start + Buffer.byteLength(line);
        const part = judge.partOf(start, end);
        if (part !== undefined) expect(part).toBe(partOfLine(line, i + 1, patientFile, parts));
        start = end + 1;
      });
    }
  });

  it('answers from the bytes of minified lines only', () => {
    const bytes = Buffer.from(lines.join('\n'));
    const judge = new ByteLineJudge(bytes, false, 3);
    let start = 0;
    const answered = lines.map((line) => {
      const end = start + Buffer.byteLength(line);
      const part = judge.partOf(start, end);
      start = end + 1;
      return part !== undefined;
    });
    expect(answered).toEqual([true, false, false, true, false, false, true]);
  });
});
