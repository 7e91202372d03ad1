import { describe, expect, it } from "vitest";
import { es } from "./messages/es";
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, localeOrDefault, messagesFor } from "./locales";
import { compareMessages } from "./testing/compare-messages";

describe("every language's messages", () => {
  it.each(LOCALES)("%s has exactly Spanish's keys, each a non-empty string with the same placeholders", (locale) => {
    expect(compareMessages(es, messagesFor(locale))).toEqual([]);
  });

  it("has a name and an Intl tag for each language, Spanish first and the default", () => {
    expect(LOCALES[0]).toBe("es");
    expect(DEFAULT_LOCALE).toBe("es");
    for (const locale of LOCALES) {
      expect(LANGUAGES[locale].name).not.toBe("");
      expect(Intl.getCanonicalLocales(LANGUAGES[locale].intl)).toEqual([LANGUAGES[locale].intl]);
    }
  });
});

describe("compareMessages", () => {
  const reference = { nav: { home: "Resumen", count: "{n} de {total}" }, title: "Mesa" };

  it("names keys missing or extra at any depth", () => {
    const other = { nav: { home: "Home", count: "{n} of {total}", back: "Back" }, subtitle: "Table" };
    expect(compareMessages(reference, other)).toEqual(["extra: nav.back", "missing: title", "extra: subtitle"]);
  });

  it("names placeholders that differ, empty strings, and sections turned into strings", () => {
    expect(compareMessages(reference, { nav: { home: " ", count: "{count} of {total}" }, title: "Mesa" })).toEqual([
      "empty: nav.home",
      "placeholders of nav.count: {count} {total} instead of {n} {total}",
    ]);
    expect(compareMessages(reference, { nav: "Navigation", title: "Mesa" })).toEqual(["not a section: nav"]);
  });

  it("accepts a translation that orders its placeholders differently", () => {
    expect(compareMessages(reference, { nav: { home: "Home", count: "{total} hunt {n}" }, title: "Table" })).toEqual(
      [],
    );
  });
});

describe("the reader's language", () => {
  it("is the cookie's when it names a language of the site, Spanish otherwise", () => {
    expect(localeOrDefault("en")).toBe("en");
    expect(localeOrDefault("es")).toBe("es");
    for (const value of [undefined, "", "qu", "EN", "toString", "__proto__"]) expect(localeOrDefault(value)).toBe("es");
  });
});
