import { cdcEnglishName } from '../../../domain/self-report-form';
import type { LanguageOption } from '../../../domain/self-report-languages';
import type { Messages } from './self-report-messages';

/** A name to show, with the language it is in when that differs from the page (for the `lang` attribute). */
export interface ShownName {
  readonly text: string;
  readonly lang: string | undefined;
}

/**
 * The name of a CDC race or ethnicity code in the page's language; a code the translation lacks (most tribal
 * names, which are proper names) is shown by its English name and marked as English for screen readers.
 */
export function codeName(messages: Messages, code: string): ShownName {
  const translated = messages.categories[code];
  if (translated !== undefined) return { text: translated, lang: undefined };
  return { text: cdcEnglishName(code), lang: messages.tag === 'en' ? undefined : 'en' };
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function intlLanguageName(locale: string, tag: string): string | undefined {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  const name = names?.of(tag);
  return name === undefined || name === tag ? undefined : name;
}

/**
 * A language's name in the page's language: the message file's own name, else the browser's (Intl), else English.
 * The first letter is capitalised, as a choice in a list (Spanish writes language names in lower case).
 */
export function languageName(messages: Messages, option: LanguageOption): string {
  const name =
    messages.languages[option.tag] ??
    (messages.tag === 'en' ? option.name : (intlLanguageName(messages.tag, option.tag) ?? option.name));
  return name.charAt(0).toLocaleUpperCase(messages.tag) + name.slice(1);
}

/** Lower case without accents, for matching what a patient types against names ("mexico" finds "México"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
