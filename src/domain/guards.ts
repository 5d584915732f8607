/**
 * Light type guards for reading unvalidated FHIR JSON. They are faster than a schema parse on the per-patient path
 * and read only the fields the mappers use.
 */

/** A plain JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when it is a string, else undefined. */
export function str(value: JsonObject, key: string): string | undefined {
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** The objects in the array `value[key]` (non-objects dropped), or an empty list. */
export function objects(value: JsonObject, key: string): readonly JsonObject[] {
  const v: unknown = value[key];
  if (!Array.isArray(v)) return [];
  const items: readonly unknown[] = v;
  // The common case (every item an object) returns the array itself: no copy on the per-patient path.
  return items.every(isObject) ? items : items.filter(isObject);
}

/** `value[key]` when it is an object, else undefined. */
export function obj(value: JsonObject, key: string): JsonObject | undefined {
  const v = value[key];
  return isObject(v) ? v : undefined;
}

/** `resourceType` and `id` of a resource, for warnings (never patient values). */
export function resourceRef(value: JsonObject): { resourceType?: string; resourceId?: string } {
  const resourceType = str(value, 'resourceType');
  const resourceId = str(value, 'id');
  return {
    ...(resourceType === undefined ? {} : { resourceType }),
    ...(resourceId === undefined ? {} : { resourceId }),
  };
}

/** The codings of a CodeableConcept-shaped value (those with a string `code`). */
export function codings(concept: JsonObject | undefined): readonly { system?: string; code: string }[] {
  if (concept === undefined) return [];
  const out: { system?: string; code: string }[] = [];
  for (const c of objects(concept, 'coding')) {
    const code = str(c, 'code');
    if (code === undefined) continue;
    const system = str(c, 'system');
    out.push(system === undefined ? { code } : { system, code });
  }
  return out;
}

/** Whether a CodeableConcept has a coding with this system and one of these codes. */
export function hasCoding(concept: JsonObject | undefined, system: string, codes: ReadonlySet<string>): boolean {
  return codings(concept).some((c) => c.system === system && codes.has(c.code));
}
