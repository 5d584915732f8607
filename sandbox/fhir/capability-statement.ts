import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceInteraction,
  ResourceType,
} from '@medplum/fhirtypes';

/** The SMART endpoints advertised in the CapabilityStatement (SMART App Launch, "oauth-uris" extension). */
export interface OAuthUris {
  readonly authorize: string;
  readonly token: string;
  readonly register?: string;
  readonly manage?: string;
  readonly introspect?: string;
  readonly revoke?: string;
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

const TYPE_INTERACTIONS: CapabilityStatementRestResourceInteraction['code'][] = [
  'read',
  'vread',
  'update',
  'delete',
  'history-instance',
  'create',
  'search-type',
];

/** Medplum's own search parameters, which an R4 client should not be told about. */
const MEDPLUM_ONLY = new Set(['_compartment', '_project']);

/**
 * The server's CapabilityStatement (FHIR 4.0.1): JSON only, the interactions this server implements for every R4
 * resource type with their search parameters, system batch/transaction, and SMART-on-FHIR security with the
 * authorization server's endpoints.
 */
export function buildCapabilityStatement(
  baseUrl: string,
  r4Types: ReadonlySet<ResourceType>,
  oauth?: OAuthUris,
): CapabilityStatement {
  const oauthExtension = oauth
    ? [
        {
          url: OAUTH_URIS,
          extension: Object.entries(oauth)
            .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
            .map(([url, valueUri]) => ({ url, valueUri })),
        },
      ]
    : [];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'Equity Lens sandbox',
    kind: 'instance',
    software: { name: 'Equity Lens sandbox FHIR server (Medplum fhir-router, in memory)' },
    implementation: { description: 'Local sandbox EHR with synthetic data', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
              text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
            },
          ],
          extension: oauthExtension,
        },
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: [...r4Types].sort().map(describeType),
      },
    ],
  };
}

function describeType(type: ResourceType): CapabilityStatementRestResource {
  const params = Object.values(getSearchParameters(type) ?? {}).filter((param) => !MEDPLUM_ONLY.has(param.code));
  return {
    type,
    interaction: TYPE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    searchParam: params.map((param) => ({
      name: param.code,
      type: param.type,
      ...(param.url ? { definition: param.url } : {}),
    })),
  };
}
