import type { Metadata } from "next";
import { tokenHolder } from "@/db/queries/subscriptions";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { targetLabel } from "@/mail/compose";
import { confirmAction } from "../../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.subscribe.confirmTitle, robots: { index: false } };
}

/** The link of the confirmation e-mail: a button confirms (opening the page alone does not). */
export default async function ConfirmPage({ params }: Props) {
  const { m } = await getI18n();
  const { token } = await params;
  const holder = tokenHolder(token);
  const t = m.subscribe;
  if (holder?.kind !== "follow" || !holder.active || !holder.target) {
    return (
      <>
        <h1>{t.confirmTitle}</h1>
        <p role="alert">{t.invalidLink}</p>
      </>
    );
  }
  const target = targetLabel(m, holder.target);
  return (
    <>
      <h1>{t.confirmTitle}</h1>
      {holder.confirmed ? (
        <p role="status" className="form-ok">
          {fill(t.confirmed, { target })}
        </p>
      ) : (
        <form action={confirmAction.bind(null, token)} className="stack">
          <p>{fill(t.confirmIntro, { target })}</p>
          <button type="submit" className="button button-primary">
            {t.confirmButton}
          </button>
        </form>
      )}
    </>
  );
}
