import type { Metadata } from "next";
import { FollowForm } from "@/components/subscribe/follow-form";
import type { FollowTarget } from "@/db/enums";
import { followedTarget, followOptions, followTargetId } from "@/db/queries/subscriptions";
import { firstValues } from "@/db/queries/filters";
import { LOCALES } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { targetLabel } from "@/mail/compose";
import { followAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.subscribe.title };
}

/** The target named in the address (`?mesa=SLUG`, `?party=SLUG`, `?commitment=ID`), if it can be followed. */
function fixedTarget(params: Record<string, string | undefined>) {
  for (const type of ["mesa", "party", "commitment"] as const satisfies readonly FollowTarget[]) {
    const ref = params[type];
    const id = ref === undefined ? null : followTargetId(type, ref);
    const target = id === null ? null : followedTarget(type, id);
    if (target) return { value: `${type}:${ref}`, target };
  }
  return null;
}

export default async function SubscribePage({ searchParams }: Props) {
  const { m, locale } = await getI18n();
  const fixed = fixedTarget(firstValues(await searchParams));
  const options = followOptions();
  return (
    <>
      <h1>{m.subscribe.title}</h1>
      <p className="lead">{m.subscribe.intro}</p>
      <FollowForm
        action={followAction}
        fixed={fixed && { value: fixed.value, label: targetLabel(m, fixed.target) }}
        mesas={options.mesas.map((o) => ({ value: `mesa:${o.slug}`, label: o.name }))}
        parties={options.parties.map((o) => ({ value: `party:${o.slug}`, label: o.name }))}
        locale={locale}
        locales={[...LOCALES]}
        m={m}
      />
    </>
  );
}
