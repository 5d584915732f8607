import { isObject } from './guards';
import { CDC_RACE_ETHNICITY_SYSTEMS } from './systems';

/**
 * The one CDC code of a Patient's race or ethnicity extension in its commonest shape: exactly one extension with
 * `url`, holding exactly one `ombCategory` coding (CDC system or none, a code without surrounding blanks, not a
 * null flavor) and no `detailed` coding. `null` when the Patient has no such extension at all; `undefined` for
 * every other shape, which the full mapper reads (with its warnings).
 *
 * The mappers run for every patient of a panel: this path reads the shape nine patients in ten have without
 * allocating, and the answer is the one the full rules give for it (no roll-up of detailed codes, nothing to warn
 * about).
 */
export function singleOmbCode(patient: unknown, url: string): string | null | undefined {
  if (!isObject(patient)) return undefined;
  const extensions = patient['extension'];
  if (extensions === undefined) return null;
  if (!Array.isArray(extensions)) return undefined;
  const list: readonly unknown[] = extensions;
  let found: unknown;
  for (let i = 0; i < list.length; i++) {
    const ext = list[i];
    if (!isObject(ext)) return undefined;
    if (ext['url'] !== url) continue;
    if (found !== undefined) return undefined;
    found = ext;
  }
  if (found === undefined) return null;
  if (!isObject(found)) return undefined;
  const parts = found['extension'];
  if (!Array.isArray(parts)) return undefined;
  const subs: readonly unknown[] = parts;
  let code: string | undefined;
  for (let i = 0; i < subs.length; i++) {
    const sub = subs[i];
    if (!isObject(sub)) return undefined;
    const part = sub['url'];
    if (part === 'detailed') return undefined;
    if (part !== 'ombCategory') continue;
    if (code !== undefined) return undefined;
    const coding = sub['valueCoding'];
    if (!isObject(coding)) return undefined;
    const value = coding['code'];
    const system = coding['system'];
    if (typeof value !== 'string' || value === '' || value.trim() !== value) return undefined;
    if (system === undefined) {
      // A bare null flavor (`UNK`, `ASKU`) is read by the full mapper.
      if (value === 'UNK' || value === 'ASKU') return undefined;
    } else if (typeof system !== 'string' || !CDC_RACE_ETHNICITY_SYSTEMS.has(system)) {
      return undefined;
    }
    code = value;
  }
  return code;
}
