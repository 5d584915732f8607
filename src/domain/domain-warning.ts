/**
 * Something a domain mapper noticed about the data. Structurally a subset of the engine's `DataWarning`
 * (`src/measures/types.ts`) so the two lists concatenate; `domain` may not import `measures`.
 * Messages never carry patient values (no names, no codes the patient reported).
 */
export interface DomainWarning {
  readonly code: 'malformed-resource' | 'unparseable-date' | 'missing-code' | 'missing-value' | 'duplicate';
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly message: string;
}

/** A mapped value plus the warnings met while mapping it. */
export interface Mapped<T> {
  readonly value: T;
  readonly warnings: readonly DomainWarning[];
}
