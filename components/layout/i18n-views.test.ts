import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LANGUAGES, LOCALES } from "@/i18n/languages";
import { en } from "@/i18n/messages/en";
import { ErrorMessagesProvider } from "./error-messages";
import { ErrorView } from "./error-view";
import { LanguageSwitch } from "./language-switch";

describe("the language switch", () => {
  it("offers every language of the site but the page's, each named in itself", () => {
    const action = async () => {};
    for (const current of LOCALES) {
      const html = renderToStaticMarkup(createElement(LanguageSwitch, { label: "Idioma", current, action }));
      const buttons = Array.from(html.matchAll(/<button[^>]*value="(\w+)"[^>]*lang="(\w+)"[^>]*>([^<]*)</g));
      const others = LOCALES.filter((locale) => locale !== current);
      expect(buttons.map(([, value, lang, name]) => [value, lang, name])).toEqual(
        others.map((locale) => [locale, locale, LANGUAGES[locale].name]),
      );
    }
  });
});

describe("an error boundary", () => {
  it("speaks the language the layout gave it, with the error's reference", () => {
    const view = createElement(ErrorView, {
      error: Object.assign(new Error("boom"), { digest: "123abc" }),
      reset: () => {},
      area: "test",
    });
    const html = renderToStaticMarkup(createElement(ErrorMessagesProvider, { messages: en.error }, view));
    expect(html).toContain("Something went wrong");
    expect(html).toContain("Error reference: 123abc");
    expect(html).toContain("Try again");
  });
});
