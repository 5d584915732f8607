import type { DimensionId } from './dimensions';

/** English labels for keys shared by every dimension. */
const COMMON: Readonly<Record<string, string>> = {
  ASKU: 'Declined to answer',
  UNK: 'Unknown',
  absent: 'Not recorded',
  multiple: 'Two or more races',
};

const RACE: Readonly<Record<string, string>> = {
  '1002-5': 'American Indian or Alaska Native',
  '2028-9': 'Asian',
  '2054-5': 'Black or African American',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2106-3': 'White',
  '2118-8': 'Middle Eastern or North African',
  '2135-2': 'Hispanic or Latino',
};

/** English names of the languages most often preferred in US clinics (Census ACS), by primary subtag. */
const LANGUAGE: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Chinese',
  yue: 'Cantonese',
  cmn: 'Mandarin',
  vi: 'Vietnamese',
  tl: 'Tagalog',
  fil: 'Filipino',
  ko: 'Korean',
  ar: 'Arabic',
  ru: 'Russian',
  fr: 'French',
  ht: 'Haitian Creole',
  pt: 'Portuguese',
  de: 'German',
  it: 'Italian',
  pl: 'Polish',
  hi: 'Hindi',
  ur: 'Urdu',
  bn: 'Bengali',
  pa: 'Punjabi',
  gu: 'Gujarati',
  fa: 'Persian',
  ja: 'Japanese',
  km: 'Khmer',
  lo: 'Lao',
  hmn: 'Hmong',
  so: 'Somali',
  am: 'Amharic',
  sw: 'Swahili',
  uk: 'Ukrainian',
  el: 'Greek',
  he: 'Hebrew',
  yi: 'Yiddish',
  nv: 'Navajo',
  asl: 'American Sign Language',
  sgn: 'Sign language',
};

const BY_DIMENSION: Readonly<Partial<Record<DimensionId, Readonly<Record<string, string>>>>> = {
  race: RACE,
  'race-combined': RACE,
  ethnicity: { '2135-2': 'Hispanic or Latino', '2186-5': 'Not Hispanic or Latino' },
  language: LANGUAGE,
  interpreter: { yes: 'Interpreter needed', no: 'No interpreter needed' },
  sex: { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' },
  payer: {
    medicare: 'Medicare',
    medicaid: 'Medicaid',
    private: 'Private insurance',
    uninsured: 'Uninsured or self-pay',
    other: 'Other payer',
  },
  'food-insecurity': { 'at-risk': 'At risk', 'no-risk': 'No risk', 'not-screened': 'Not screened' },
};

/**
 * The English label of a stratum key. Age bands read `18–29 years` / `75+ years`; ZIP codes and practitioner
 * references are their own label (the UI can resolve a practitioner's name); anything unknown is shown as its key.
 */
export function stratumLabel(dimension: DimensionId, key: string): string {
  const label = BY_DIMENSION[dimension]?.[key] ?? COMMON[key];
  if (label !== undefined) return label;
  if (dimension === 'age-band') return `${key.replace('-', '–')} years`;
  return key;
}
