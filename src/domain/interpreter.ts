import type { Mapped } from './domain-warning';
import { codings, isObject, obj, objects, resourceRef, str } from './guards';
import { US_CORE_INTERPRETER_NEEDED_URL } from './systems';

/** Interpreter-needed stratum key. */
export type InterpreterKey = 'yes' | 'no' | 'UNK' | 'absent';

const YES: ReadonlySet<string> = new Set(['Y', 'LA33-6', '373066001']);
const NO: ReadonlySet<string> = new Set(['N', 'LA32-8', '373067005']);

/**
 * The US Core interpreter-needed extension on the Patient (meaning of LOINC 54588-9). Accepts `valueBoolean` and a
 * `valueCoding`/`valueCodeableConcept` with yes/no codes (HL7 v2-0136 `Y`/`N`, LOINC `LA33-6`/`LA32-8`, SNOMED
 * 373066001/373067005); `UNK`/`ASKU` or anything else is `UNK`.
 */
export function interpreterNeededOf(patient: unknown): Mapped<InterpreterKey> {
  if (!isObject(patient)) return { value: 'absent', warnings: [] };
  const ext = objects(patient, 'extension').find((e) => str(e, 'url') === US_CORE_INTERPRETER_NEEDED_URL);
  if (ext === undefined) return { value: 'absent', warnings: [] };
  const flag = ext['valueBoolean'];
  if (typeof flag === 'boolean') return { value: flag ? 'yes' : 'no', warnings: [] };
  const coding = obj(ext, 'valueCoding');
  const codes = [
    ...codings(obj(ext, 'valueCodeableConcept')),
    ...(coding === undefined ? [] : codings({ coding: [coding] })),
  ];
  if (codes.some((c) => YES.has(c.code))) return { value: 'yes', warnings: [] };
  if (codes.some((c) => NO.has(c.code))) return { value: 'no', warnings: [] };
  if (codes.length > 0) return { value: 'UNK', warnings: [] };
  return {
    value: 'UNK',
    warnings: [
      { code: 'missing-value', ...resourceRef(patient), message: 'Interpreter-needed extension has no value.' },
    ],
  };
}
