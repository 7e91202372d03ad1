import type { Messages } from "@/i18n/messages/es";

/** A real form with a real button: it works before (or without) JavaScript. */
export function LanguageSwitch({
  m,
  action,
}: {
  m: Messages["language"];
  action: (formData: FormData) => Promise<void>;
}) {
  return (
    <form action={action} className="language-switch" aria-label={m.label}>
      <button type="submit" name="locale" value={m.switchToLang} lang={m.switchToLang}>
        {m.switchTo}
      </button>
    </form>
  );
}
