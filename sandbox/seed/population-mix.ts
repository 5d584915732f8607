import type { Coding } from 'fhir/r4';
import { SYSTEM } from './codes';
import type { NameOrigin } from './names';

/**
 * Who the sandbox clinic's patients are: a community health center in Boston, Massachusetts.
 *
 * Sources and how they were used:
 * - US Census Bureau, QuickFacts United States (population estimates, July 2023): White alone ≈ 75 %, Black alone
 *   ≈ 14 %, Asian alone ≈ 6 %, American Indian/Alaska Native alone ≈ 1.3 %, Native Hawaiian/Pacific Islander alone
 *   ≈ 0.3 %, two or more races ≈ 3 %, Hispanic or Latino ≈ 19.5 %; language other than English spoken at home ≈ 22 %
 *   of people aged 5+ (ACS 5-year). Spanish is by far the most common such language, then Chinese, Tagalog,
 *   Vietnamese, Arabic, French/Haitian Creole, Korean, Russian and Portuguese.
 * - Community health centers serve a more diverse, more often Medicaid-insured or uninsured population than the US
 *   as a whole, and many patients are best served in a language other than English (HRSA Uniform Data System
 *   national summaries). The shares below therefore shift the Census mix towards Hispanic and Black patients and
 *   towards non-English languages; they are design choices in the direction of those figures, not estimates.
 * - The heritages (Puerto Rican, Dominican, Salvadoran, Haitian, Cape Verdean, Vietnamese, Chinese …) and the ZIP
 *   codes follow Boston's neighbourhoods (East Boston, Chelsea, Roxbury, Dorchester, Mattapan, Jamaica Plain,
 *   Brighton, Chinatown).
 */

/** The latent race/ethnicity group that drives the outcome model (Hispanic of any race; the others non-Hispanic). */
export type Group = 'white' | 'black' | 'hispanic' | 'asian' | 'aian' | 'nhpi' | 'multiracial';

/** Languages (BCP-47 primary subtags) the generator writes. */
export type Language = 'en' | 'es' | 'zh' | 'vi' | 'tl' | 'ko' | 'ru' | 'ar' | 'ht' | 'fr' | 'pt';

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Chinese',
  vi: 'Vietnamese',
  tl: 'Tagalog',
  ko: 'Korean',
  ru: 'Russian',
  ar: 'Arabic',
  ht: 'Haitian Creole',
  fr: 'French',
  pt: 'Portuguese',
};

export const GROUP_SHARES: Readonly<Record<Group, number>> = {
  white: 0.4,
  hispanic: 0.3,
  black: 0.18,
  asian: 0.07,
  multiracial: 0.035,
  aian: 0.01,
  nhpi: 0.005,
};

const cdc = (code: string, display: string): Coding => ({ system: SYSTEM.cdcRace, code, display });

/** OMB race categories (CDC Race & Ethnicity code system). */
export const OMB_RACE = {
  aian: cdc('1002-5', 'American Indian or Alaska Native'),
  asian: cdc('2028-9', 'Asian'),
  black: cdc('2054-5', 'Black or African American'),
  nhpi: cdc('2076-8', 'Native Hawaiian or Other Pacific Islander'),
  white: cdc('2106-3', 'White'),
} as const;

export type OmbRace = keyof typeof OMB_RACE;

export const OMB_ETHNICITY = {
  hispanic: cdc('2135-2', 'Hispanic or Latino'),
  notHispanic: cdc('2186-5', 'Not Hispanic or Latino'),
} as const;

/** A heritage within a group: its detailed CDC code (which rolls up to the group's OMB code), names and languages. */
export interface Heritage {
  readonly id: string;
  readonly group: Group;
  /** Share within its group. */
  readonly share: number;
  /** Detailed race code (child of the OMB race code in the CDC hierarchy), for non-Hispanic heritages. */
  readonly raceDetailed?: Coding;
  /** Detailed ethnicity code (child of 2135-2), for Hispanic heritages. */
  readonly ethnicityDetailed?: Coding;
  /** Preferred-language weights. */
  readonly languages: Readonly<Partial<Record<Language, number>>>;
  readonly names: NameOrigin;
  /** ZIP weights overriding the group's, for heritages concentrated in a neighbourhood. */
  readonly zips?: Readonly<Record<string, number>>;
  /** For multiracial heritages, the OMB categories reported. */
  readonly races?: readonly OmbRace[];
}

export const HERITAGES: readonly Heritage[] = [
  {
    id: 'european',
    group: 'white',
    share: 0.86,
    raceDetailed: cdc('2108-9', 'European'),
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'russian',
    group: 'white',
    share: 0.05,
    raceDetailed: cdc('2108-9', 'European'),
    languages: { ru: 0.7, en: 0.3 },
    names: 'russian',
    zips: { '02135': 1 },
  },
  {
    id: 'arab',
    group: 'white',
    share: 0.05,
    raceDetailed: cdc('2129-5', 'Arab'),
    languages: { ar: 0.6, en: 0.4 },
    names: 'arabic',
  },
  {
    id: 'portuguese',
    group: 'white',
    share: 0.04,
    raceDetailed: cdc('2108-9', 'European'),
    languages: { pt: 0.7, en: 0.3 },
    names: 'portuguese',
  },
  {
    id: 'african-american',
    group: 'black',
    share: 0.63,
    raceDetailed: cdc('2058-6', 'African American'),
    languages: { en: 1 },
    names: 'african-american',
  },
  {
    id: 'haitian',
    group: 'black',
    share: 0.24,
    raceDetailed: cdc('2071-9', 'Haitian'),
    languages: { ht: 0.6, fr: 0.1, en: 0.3 },
    names: 'haitian',
    zips: { '02126': 0.5, '02124': 0.3, '02121': 0.2 },
  },
  {
    id: 'african',
    group: 'black',
    share: 0.13,
    raceDetailed: cdc('2060-2', 'African'),
    languages: { fr: 0.35, pt: 0.15, en: 0.5 },
    names: 'west-african',
  },
  {
    id: 'puerto-rican',
    group: 'hispanic',
    share: 0.3,
    ethnicityDetailed: cdc('2180-8', 'Puerto Rican'),
    languages: { es: 0.45, en: 0.55 },
    names: 'hispanic',
  },
  {
    id: 'dominican',
    group: 'hispanic',
    share: 0.25,
    ethnicityDetailed: cdc('2184-0', 'Dominican'),
    languages: { es: 0.7, en: 0.3 },
    names: 'hispanic',
  },
  {
    id: 'salvadoran',
    group: 'hispanic',
    share: 0.15,
    ethnicityDetailed: cdc('2161-8', 'Salvadoran'),
    languages: { es: 0.75, en: 0.25 },
    names: 'hispanic',
    zips: { '02128': 0.6, '02150': 0.4 },
  },
  {
    id: 'guatemalan',
    group: 'hispanic',
    share: 0.08,
    ethnicityDetailed: cdc('2157-6', 'Guatemalan'),
    languages: { es: 0.8, en: 0.2 },
    names: 'hispanic',
    zips: { '02128': 0.4, '02150': 0.6 },
  },
  {
    id: 'mexican',
    group: 'hispanic',
    share: 0.1,
    ethnicityDetailed: cdc('2148-5', 'Mexican'),
    languages: { es: 0.6, en: 0.4 },
    names: 'hispanic',
  },
  {
    id: 'south-american',
    group: 'hispanic',
    share: 0.07,
    ethnicityDetailed: cdc('2165-9', 'South American'),
    languages: { es: 0.65, en: 0.35 },
    names: 'hispanic',
  },
  {
    id: 'cuban',
    group: 'hispanic',
    share: 0.05,
    ethnicityDetailed: cdc('2182-4', 'Cuban'),
    languages: { es: 0.6, en: 0.4 },
    names: 'hispanic',
  },
  {
    id: 'chinese',
    group: 'asian',
    share: 0.35,
    raceDetailed: cdc('2034-7', 'Chinese'),
    languages: { zh: 0.7, en: 0.3 },
    names: 'chinese',
    zips: { '02111': 0.7, '02135': 0.3 },
  },
  {
    id: 'vietnamese',
    group: 'asian',
    share: 0.3,
    raceDetailed: cdc('2047-9', 'Vietnamese'),
    languages: { vi: 0.7, en: 0.3 },
    names: 'vietnamese',
    zips: { '02122': 0.8, '02124': 0.2 },
  },
  {
    id: 'asian-indian',
    group: 'asian',
    share: 0.15,
    raceDetailed: cdc('2029-7', 'Asian Indian'),
    languages: { en: 1 },
    names: 'south-asian',
  },
  {
    id: 'filipino',
    group: 'asian',
    share: 0.08,
    raceDetailed: cdc('2036-2', 'Filipino'),
    languages: { tl: 0.3, en: 0.7 },
    names: 'filipino',
  },
  {
    id: 'korean',
    group: 'asian',
    share: 0.07,
    raceDetailed: cdc('2040-4', 'Korean'),
    languages: { ko: 0.5, en: 0.5 },
    names: 'korean',
  },
  {
    id: 'japanese',
    group: 'asian',
    share: 0.05,
    raceDetailed: cdc('2039-6', 'Japanese'),
    languages: { en: 1 },
    names: 'japanese',
  },
  {
    id: 'american-indian',
    group: 'aian',
    share: 0.85,
    raceDetailed: cdc('1004-1', 'American Indian'),
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'alaska-native',
    group: 'aian',
    share: 0.15,
    raceDetailed: cdc('1735-0', 'Alaska Native'),
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'native-hawaiian',
    group: 'nhpi',
    share: 0.5,
    raceDetailed: cdc('2079-2', 'Native Hawaiian'),
    languages: { en: 1 },
    names: 'pacific',
  },
  {
    id: 'samoan',
    group: 'nhpi',
    share: 0.5,
    raceDetailed: cdc('2080-0', 'Samoan'),
    languages: { en: 1 },
    names: 'pacific',
  },
  {
    id: 'white-black',
    group: 'multiracial',
    share: 0.5,
    races: ['white', 'black'],
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'white-asian',
    group: 'multiracial',
    share: 0.25,
    races: ['white', 'asian'],
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'white-aian',
    group: 'multiracial',
    share: 0.15,
    races: ['white', 'aian'],
    languages: { en: 1 },
    names: 'anglo',
  },
  {
    id: 'black-aian',
    group: 'multiracial',
    share: 0.1,
    races: ['black', 'aian'],
    languages: { en: 0.9, es: 0.1 },
    names: 'african-american',
  },
];

/** The OMB race(s) reported by Hispanic patients (many choose "some other race", which EHRs record as unknown). */
export const HISPANIC_RACE: Readonly<Record<'white' | 'black' | 'white-aian' | 'aian' | 'other', number>> = {
  white: 0.55,
  black: 0.07,
  'white-aian': 0.07,
  aian: 0.03,
  other: 0.28,
};

/** Age at the anchor date, in bands with uniform ages inside (an adult primary-care panel, older than the Census). */
export const AGE_BANDS: readonly { readonly min: number; readonly max: number; readonly weight: number }[] = [
  { min: 18, max: 29, weight: 0.16 },
  { min: 30, max: 44, weight: 0.24 },
  { min: 45, max: 64, weight: 0.36 },
  { min: 65, max: 79, weight: 0.19 },
  { min: 80, max: 90, weight: 0.05 },
];

/** The clinic's ZIP codes, each big enough to be a stratum of its own. */
export const ZIPS: Readonly<Record<string, { readonly city: string; readonly streets: readonly string[] }>> = {
  '02128': { city: 'Boston', streets: ['Bennington St', 'Meridian St', 'Saratoga St', 'Border St'] },
  '02150': { city: 'Chelsea', streets: ['Broadway', 'Washington Ave', 'Everett Ave', 'Shurtleff St'] },
  '02119': { city: 'Boston', streets: ['Warren St', 'Dudley St', 'Blue Hill Ave', 'Washington St'] },
  '02121': { city: 'Boston', streets: ['Columbia Rd', 'Geneva Ave', 'Quincy St'] },
  '02124': { city: 'Boston', streets: ['Dorchester Ave', 'Washington St', 'Talbot Ave'] },
  '02122': { city: 'Boston', streets: ['Dorchester Ave', 'Adams St', 'Neponset Ave'] },
  '02126': { city: 'Boston', streets: ['Blue Hill Ave', 'River St', 'Cummins Hwy'] },
  '02130': { city: 'Boston', streets: ['Centre St', 'South St', 'Hyde Park Ave', 'Washington St'] },
  '02135': { city: 'Boston', streets: ['Commonwealth Ave', 'Washington St', 'Market St'] },
  '02111': { city: 'Boston', streets: ['Tyler St', 'Beach St', 'Harrison Ave'] },
};

const EVERYWHERE: Readonly<Record<string, number>> = Object.fromEntries(Object.keys(ZIPS).map((z) => [z, 1]));

/** Where each group lives (residential patterns differ by neighbourhood, so ZIP strata differ). */
export const GROUP_ZIPS: Readonly<Record<Group, Readonly<Record<string, number>>>> = {
  white: { '02130': 0.3, '02135': 0.3, '02122': 0.15, '02124': 0.1, '02128': 0.1, '02111': 0.05 },
  hispanic: { '02128': 0.3, '02150': 0.25, '02130': 0.2, '02119': 0.15, '02121': 0.1 },
  black: { '02121': 0.25, '02126': 0.25, '02124': 0.25, '02119': 0.25 },
  asian: { '02111': 0.35, '02122': 0.35, '02135': 0.3 },
  aian: EVERYWHERE,
  nhpi: EVERYWHERE,
  multiracial: EVERYWHERE,
};
