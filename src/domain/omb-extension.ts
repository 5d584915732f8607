import { isObject, objects, obj, str, type JsonObject } from './guards';

/** A coding as read from a US Core race or ethnicity sub-extension. */
export interface ReadCoding {
  readonly system?: string;
  readonly code: string;
}

/** The parts of a US Core race/ethnicity extension (`ombCategory`, `detailed`) that the mappers use. */
export interface OmbExtension {
  /** How many extensions with this URL the Patient has (US Core allows one). */
  readonly count: number;
  readonly ombCategory: readonly ReadCoding[];
  readonly detailed: readonly ReadCoding[];
  /** Sub-extensions that had no usable `valueCoding.code`. */
  readonly unreadable: number;
}

/** Reads the US Core race or ethnicity extension(s) with `url` from an unvalidated Patient. */
export function readOmbExtension(patient: unknown, url: string): OmbExtension {
  const ombCategory: ReadCoding[] = [];
  const detailed: ReadCoding[] = [];
  let count = 0;
  let unreadable = 0;
  if (!isObject(patient)) return { count, ombCategory, detailed, unreadable };
  for (const ext of objects(patient, 'extension')) {
    if (str(ext, 'url') !== url) continue;
    count++;
    for (const sub of objects(ext, 'extension')) {
      const part = str(sub, 'url');
      if (part !== 'ombCategory' && part !== 'detailed') continue;
      const coding = readCoding(obj(sub, 'valueCoding'));
      if (coding === undefined) unreadable++;
      else (part === 'ombCategory' ? ombCategory : detailed).push(coding);
    }
  }
  return { count, ombCategory, detailed, unreadable };
}

function readCoding(value: JsonObject | undefined): ReadCoding | undefined {
  if (value === undefined) return undefined;
  const code = str(value, 'code')?.trim();
  if (code === undefined || code === '') return undefined;
  const system = str(value, 'system');
  return system === undefined ? { code } : { system, code };
}
