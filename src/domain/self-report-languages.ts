import { primarySubtag } from './language';

/** A language the self-report form offers. */
export interface LanguageOption {
  /** BCP-47 tag, as written to `Patient.communication.language` (system `urn:ietf:bcp:47`). */
  readonly tag: string;
  /** English name, written to the record for staff and shown when no translation exists. */
  readonly name: string;
  /** The language's name for itself, shown beside the translated name so a patient can find their own. */
  readonly autonym: string;
  /** Shown as a direct choice; the others are found by searching. */
  readonly common?: true;
}

/**
 * Languages offered, as data. The common ones come first in the order of the languages most spoken at home by
 * people with limited English in the US (Census Bureau, American Community Survey): English, Spanish, Chinese,
 * Vietnamese, Tagalog, Arabic, Korean, Russian, Haitian Creole, Portuguese, French. Mandarin and Cantonese have
 * their own tags (`cmn`, `yue`) because interpreters are booked by them; American Sign Language is `ase`.
 */
export const SELF_REPORT_LANGUAGES: readonly LanguageOption[] = [
  { tag: 'en', name: 'English', autonym: 'English', common: true },
  { tag: 'es', name: 'Spanish', autonym: 'Español', common: true },
  { tag: 'zh', name: 'Chinese', autonym: '中文', common: true },
  { tag: 'vi', name: 'Vietnamese', autonym: 'Tiếng Việt', common: true },
  { tag: 'tl', name: 'Tagalog', autonym: 'Tagalog', common: true },
  { tag: 'ar', name: 'Arabic', autonym: 'العربية', common: true },
  { tag: 'ko', name: 'Korean', autonym: '한국어', common: true },
  { tag: 'ru', name: 'Russian', autonym: 'Русский', common: true },
  { tag: 'ht', name: 'Haitian Creole', autonym: 'Kreyòl ayisyen', common: true },
  { tag: 'pt', name: 'Portuguese', autonym: 'Português', common: true },
  { tag: 'fr', name: 'French', autonym: 'Français', common: true },
  { tag: 'cmn', name: 'Mandarin', autonym: '普通话' },
  { tag: 'yue', name: 'Cantonese', autonym: '粵語' },
  { tag: 'ase', name: 'American Sign Language', autonym: 'American Sign Language' },
  { tag: 'am', name: 'Amharic', autonym: 'አማርኛ' },
  { tag: 'bn', name: 'Bengali', autonym: 'বাংলা' },
  { tag: 'bs', name: 'Bosnian', autonym: 'Bosanski' },
  { tag: 'my', name: 'Burmese', autonym: 'မြန်မာ' },
  { tag: 'ceb', name: 'Cebuano', autonym: 'Cebuano' },
  { tag: 'chk', name: 'Chuukese', autonym: 'Chuuk' },
  { tag: 'hr', name: 'Croatian', autonym: 'Hrvatski' },
  { tag: 'cs', name: 'Czech', autonym: 'Čeština' },
  { tag: 'prs', name: 'Dari', autonym: 'دری' },
  { tag: 'nl', name: 'Dutch', autonym: 'Nederlands' },
  { tag: 'fa', name: 'Persian (Farsi)', autonym: 'فارسی' },
  { tag: 'de', name: 'German', autonym: 'Deutsch' },
  { tag: 'el', name: 'Greek', autonym: 'Ελληνικά' },
  { tag: 'gu', name: 'Gujarati', autonym: 'ગુજરાતી' },
  { tag: 'ha', name: 'Hausa', autonym: 'Hausa' },
  { tag: 'haw', name: 'Hawaiian', autonym: 'ʻŌlelo Hawaiʻi' },
  { tag: 'he', name: 'Hebrew', autonym: 'עברית' },
  { tag: 'hi', name: 'Hindi', autonym: 'हिन्दी' },
  { tag: 'hmn', name: 'Hmong', autonym: 'Hmoob' },
  { tag: 'hu', name: 'Hungarian', autonym: 'Magyar' },
  { tag: 'ig', name: 'Igbo', autonym: 'Igbo' },
  { tag: 'ilo', name: 'Ilocano', autonym: 'Ilokano' },
  { tag: 'id', name: 'Indonesian', autonym: 'Bahasa Indonesia' },
  { tag: 'it', name: 'Italian', autonym: 'Italiano' },
  { tag: 'ja', name: 'Japanese', autonym: '日本語' },
  { tag: 'km', name: 'Khmer', autonym: 'ខ្មែរ' },
  { tag: 'rw', name: 'Kinyarwanda', autonym: 'Ikinyarwanda' },
  { tag: 'ku', name: 'Kurdish', autonym: 'Kurdî' },
  { tag: 'lo', name: 'Lao', autonym: 'ລາວ' },
  { tag: 'mh', name: 'Marshallese', autonym: 'Kajin M̧ajeļ' },
  { tag: 'mam', name: 'Mam', autonym: 'Qyol Mam' },
  { tag: 'ne', name: 'Nepali', autonym: 'नेपाली' },
  { tag: 'nv', name: 'Navajo', autonym: 'Diné bizaad' },
  { tag: 'om', name: 'Oromo', autonym: 'Afaan Oromoo' },
  { tag: 'ps', name: 'Pashto', autonym: 'پښتو' },
  { tag: 'pl', name: 'Polish', autonym: 'Polski' },
  { tag: 'pa', name: 'Punjabi', autonym: 'ਪੰਜਾਬੀ' },
  { tag: 'quc', name: 'Kʼicheʼ', autonym: 'Kʼicheʼ' },
  { tag: 'ro', name: 'Romanian', autonym: 'Română' },
  { tag: 'sm', name: 'Samoan', autonym: 'Gagana Samoa' },
  { tag: 'sr', name: 'Serbian', autonym: 'Српски' },
  { tag: 'so', name: 'Somali', autonym: 'Soomaali' },
  { tag: 'sw', name: 'Swahili', autonym: 'Kiswahili' },
  { tag: 'ta', name: 'Tamil', autonym: 'தமிழ்' },
  { tag: 'te', name: 'Telugu', autonym: 'తెలుగు' },
  { tag: 'th', name: 'Thai', autonym: 'ไทย' },
  { tag: 'ti', name: 'Tigrinya', autonym: 'ትግርኛ' },
  { tag: 'to', name: 'Tongan', autonym: 'Lea fakatonga' },
  { tag: 'tr', name: 'Turkish', autonym: 'Türkçe' },
  { tag: 'uk', name: 'Ukrainian', autonym: 'Українська' },
  { tag: 'ur', name: 'Urdu', autonym: 'اردو' },
  { tag: 'uz', name: 'Uzbek', autonym: 'Oʻzbek' },
  { tag: 'yi', name: 'Yiddish', autonym: 'ייִדיש' },
  { tag: 'yo', name: 'Yoruba', autonym: 'Yorùbá' },
];

const BY_TAG: ReadonlyMap<string, LanguageOption> = new Map(SELF_REPORT_LANGUAGES.map((o) => [o.tag, o]));

/** The offered language a recorded tag stands for: the same tag, else its primary language (`es-MX` → `es`). */
export function languageOption(tag: string): LanguageOption | undefined {
  return BY_TAG.get(tag.toLowerCase()) ?? BY_TAG.get(primarySubtag(tag) ?? '');
}

/** The English name of a tag (written to the record's `display` and `text`), or the tag itself. */
export function languageEnglishName(tag: string): string {
  return languageOption(tag)?.name ?? tag;
}
