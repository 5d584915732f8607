import { createContext, useContext } from 'react';
import { format, messagesFor, type MessageKey, type Messages } from './self-report-messages';

const MessagesContext = createContext<Messages>(messagesFor('en'));

/** Provides the page's messages to the form's components. */
export const MessagesProvider = MessagesContext.Provider;

/** The page's messages and `t(key, values)`, which fills placeholders. */
export function useMessages(): {
  readonly messages: Messages;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
} {
  const messages = useContext(MessagesContext);
  return { messages, t: (key, values) => format(messages.ui[key], values) };
}
