import { useMessages } from './messages-context';
import { LOCALES } from './self-report-messages';

interface LocaleSwitchProps {
  readonly onChoose: (tag: string) => void;
}

/** Buttons to switch the form's language, each named in its own language ("Español"). */
export function LocaleSwitch({ onChoose }: LocaleSwitchProps) {
  const { messages, t } = useMessages();
  if (LOCALES.length < 2) return null;
  return (
    <div className="sr-locale-switch" role="group" aria-label={t('pageLanguage')}>
      {LOCALES.map((locale) => (
        <button
          key={locale.tag}
          type="button"
          lang={locale.tag}
          aria-pressed={locale.tag === messages.tag}
          onClick={() => {
            onChoose(locale.tag);
          }}
        >
          {locale.name}
        </button>
      ))}
    </div>
  );
}
