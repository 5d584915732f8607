import type { Extension, HumanName, Patient, PatientCommunication } from 'fhir/r4';
import { ANSWER, SYSTEM, US_CORE } from './codes';
import { isoDate } from './dates';
import { NAMES, NICKNAMES } from './names';
import { LANGUAGE_NAMES, ZIPS } from './population-mix';
import type { Language } from './population-mix';
import { ORGANIZATION_ID, practitionerDisplay } from './practitioners';
import type { PatientProfile } from './profile';
import type { Rng } from './prng';

function language(code: string, preferred: boolean | undefined, name: string): PatientCommunication {
  const entry: PatientCommunication = {
    language: { coding: [{ system: SYSTEM.bcp47, code, display: name }], text: name },
  };
  if (preferred !== undefined) entry.preferred = preferred;
  return entry;
}

function communication(p: PatientProfile, rng: Rng): PatientCommunication[] | undefined {
  if (!p.languageRecorded) return undefined;
  const name = LANGUAGE_NAMES[p.language];
  if (p.messy === 'language-preferred-not-first') {
    return [language('en', undefined, 'English'), language('es-MX', true, 'Spanish (Mexico)')];
  }
  if (p.messy === 'language-without-preferred-flag') return [language(p.language, undefined, name)];
  const code = p.language === 'en' && rng.chance(0.3) ? 'en-US' : p.language;
  const preferred = language(code, true, name);
  if (p.language !== 'en' && rng.chance(0.3)) {
    // Several languages, the preferred one not first: apps must not read communication[0].
    return [language('en', false, 'English'), preferred];
  }
  if (p.language === 'en' && rng.chance(0.05)) return [preferred, language('es', false, 'Spanish')];
  return [preferred];
}

function names(p: PatientProfile, rng: Rng): HumanName[] {
  const list = NAMES[p.heritage.names];
  const female = p.sex === 'female' || (p.sex !== 'male' && rng.chance(0.5));
  const given = rng.pick(female ? list.female : list.male);
  let family = rng.pick(list.family);
  if (female && list.feminineFamily) family = list.feminineFamily(family);
  // Many Hispanic patients carry both family names.
  if (p.heritage.names === 'hispanic' && rng.chance(0.35)) family = `${family} ${rng.pick(list.family)}`;
  const official: HumanName = { use: 'official', family, given: [given] };
  if (rng.chance(0.25)) official.given = [given, rng.pick(female ? list.female : list.male).charAt(0)];
  const nickname = NICKNAMES[given];
  // A usual name listed before the official one: apps must pick the official name, not name[0].
  if (nickname !== undefined && rng.chance(0.5)) return [{ use: 'usual', given: [nickname] }, official];
  return [official];
}

function interpreter(needed: boolean | undefined): Extension[] {
  if (needed === undefined) return [];
  return [{ url: US_CORE.interpreterNeeded, valueCoding: needed ? ANSWER.yes : ANSWER.no }];
}

/** The US Core Patient resource of a profile. */
export function buildPatient(p: PatientProfile, rng: Rng): Patient {
  const zip = ZIPS[p.zip] ?? { city: 'Boston', streets: ['Main St'] };
  const extension = [p.race.extension, p.ethnicity.extension].filter((e): e is Extension => e !== undefined);
  extension.push(...interpreter(p.interpreterNeeded));
  const patient: Patient = {
    resourceType: 'Patient',
    id: p.id,
    meta: { profile: [US_CORE.patient] },
    ...(extension.length > 0 ? { extension } : {}),
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        system: SYSTEM.mrn,
        value: `MRN${String(p.index).padStart(7, '0')}`,
      },
    ],
    active: true,
    name: names(p, rng),
    // 555-0100 to 555-0199 are reserved for fictional use.
    telecom: [{ system: 'phone', value: `617-555-01${String(rng.int(0, 99)).padStart(2, '0')}`, use: 'mobile' }],
    gender: p.sex,
    birthDate: isoDate(p.birthDay),
    address: [
      {
        use: 'home',
        line: [`${rng.int(1, 400)} ${rng.pick(zip.streets)}`],
        city: zip.city,
        state: 'MA',
        postalCode: p.zip,
        country: 'US',
      },
    ],
    generalPractitioner: [
      { reference: `Practitioner/${p.practitioner.id}`, display: practitionerDisplay(p.practitioner) },
    ],
    managingOrganization: { reference: `Organization/${ORGANIZATION_ID}` },
  };
  const comms = communication(p, rng);
  if (comms) patient.communication = comms;
  return patient;
}

/** The stratum key of the language the profile records (STANDARDS.md: preferred, else first, primary subtag). */
export function languageKey(p: PatientProfile): Language | 'absent' {
  return p.languageRecorded ? p.language : 'absent';
}
