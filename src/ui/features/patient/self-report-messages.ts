import { z } from 'zod';
import english from './messages/en.json';

/** A key of the form's text. English (`messages/en.json`) is the reference: every key exists there. */
export type MessageKey = keyof typeof english.ui;

/** One language's text for the form. */
export interface Messages {
  /** BCP-47 tag of the language, as set on the page (`lang`). */
  readonly tag: string;
  /** The language's name in itself, for the language switch. */
  readonly name: string;
  readonly ui: Readonly<Record<MessageKey, string>>;
  /** Names of CDC race and ethnicity codes; a code missing here is shown by its English name. */
  readonly categories: Readonly<Record<string, string>>;
  /** Names of languages that the browser's own names get wrong or lack, by BCP-47 tag. */
  readonly languages: Readonly<Record<string, string>>;
}

const fileSchema = z.object({
  meta: z.object({ tag: z.string().min(2), name: z.string().min(1) }),
  ui: z.record(z.string(), z.string()),
  categories: z.record(z.string(), z.string()).default({}),
  languages: z.record(z.string(), z.string()).default({}),
});

const ENGLISH_UI: Readonly<Record<MessageKey, string>> = english.ui;
const KEYS = Object.keys(ENGLISH_UI).filter((key): key is MessageKey => key in ENGLISH_UI);

/**
 * Turns a message file into {@link Messages}; keys a translation lacks fall back to English, so a new language can
 * start partial. Undefined when the file is not a message file.
 */
export function parseMessages(file: unknown): Messages | undefined {
  const parsed = fileSchema.safeParse(file);
  if (!parsed.success) return undefined;
  const { meta, ui, categories, languages } = parsed.data;
  const merged: Record<MessageKey, string> = { ...ENGLISH_UI };
  for (const key of KEYS) merged[key] = ui[key] ?? ENGLISH_UI[key];
  return { tag: meta.tag, name: meta.name, ui: merged, categories, languages };
}

// Every JSON file in messages/ is a language: adding one needs no code change.
const files = import.meta.glob<unknown>('./messages/*.json', { eager: true, import: 'default' });

/** The languages the form is available in, English first. */
export const LOCALES: readonly Messages[] = Object.values(files)
  .map(parseMessages)
  .filter((m): m is Messages => m !== undefined)
  .sort((a, b) => (a.tag === 'en' ? -1 : b.tag === 'en' ? 1 : a.tag.localeCompare(b.tag)));

/** The messages for a tag (exact, then by primary language), else English. */
export function messagesFor(tag: string): Messages {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  const found = LOCALES.find((m) => m.tag.toLowerCase() === lower) ?? LOCALES.find((m) => m.tag === primary);
  return found ?? LOCALES[0] ?? { tag: 'en', name: 'English', ui: ENGLISH_UI, categories: {}, languages: {} };
}

/** Fills `{name}` placeholders. Values are plain text: React escapes them when they are rendered. */
export function format(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
