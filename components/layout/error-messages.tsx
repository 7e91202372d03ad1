"use client";

import { createContext, useContext } from "react";
import type { Messages } from "@/i18n/messages/es";

// Error boundaries are client components and cannot read the language cookie; importing the
// messages files there would send every language's messages to every page's browser. The root
// layout hands them the reader's few error messages instead.
const ErrorMessagesContext = createContext<Messages["error"] | null>(null);

export function ErrorMessagesProvider({
  messages,
  children,
}: {
  messages: Messages["error"];
  children?: React.ReactNode;
}) {
  return <ErrorMessagesContext value={messages}>{children}</ErrorMessagesContext>;
}

export function useErrorMessages(): Messages["error"] {
  const messages = useContext(ErrorMessagesContext);
  if (!messages) throw new Error("useErrorMessages: no ErrorMessagesProvider above (app/layout.tsx provides it)");
  return messages;
}
