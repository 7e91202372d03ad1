import type { Metadata } from "next";
import { tokenHolder } from "@/db/queries/subscriptions";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { targetLabel } from "@/mail/compose";
import { unsubscribeAction } from "../../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.subscribe.unsubscribeTitle, robots: { index: false } };
}

/** The unsubscribe link of every e-mail (mail programs use the one-click route beside it). */
export default async function UnsubscribePage({ params }: Props) {
  const { m } = await getI18n();
  const { token } = await params;
  const holder = tokenHolder(token);
  const t = m.subscribe;
  if (!holder) {
    return (
      <>
        <h1>{t.unsubscribeTitle}</h1>
        <p role="alert">{t.invalidLink}</p>
      </>
    );
  }
  const what =
    holder.kind === "digest"
      ? t.unsubscribeWhatDigest
      : fill(t.unsubscribeWhatFollow, { target: holder.target ? targetLabel(m, holder.target) : "—" });
  return (
    <>
      <h1>{t.unsubscribeTitle}</h1>
      {holder.active ? (
        <form action={unsubscribeAction.bind(null, token)} className="stack">
          <p>{fill(t.unsubscribeIntro, { what })}</p>
          <button type="submit" className="button button-primary">
            {t.unsubscribeButton}
          </button>
        </form>
      ) : (
        <p role="status" className="form-ok">
          {fill(t.unsubscribed, { what })}
        </p>
      )}
    </>
  );
}
