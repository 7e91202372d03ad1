import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/account/create-token-form";
import { TokensTable } from "@/components/account/tokens-table";
import { DEFAULT_TOKEN_LIFETIME, TOKEN_LIFETIMES } from "@/db/commands/tokens";
import { listTokens } from "@/db/queries/tokens";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../../guard";
import { createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.tokens.title };
}

export default async function TokensPage() {
  const viewer = await requirePageViewer("/account/tokens");
  const { m, f } = await getI18n();
  const rows = listTokens(viewer).map((token) => ({ token, revoke: revokeTokenAction.bind(null, token.id) }));

  return (
    <>
      <h1>{m.tokens.title}</h1>
      <p className="lead">{m.tokens.intro}</p>
      <h2>{m.tokens.createHeading}</h2>
      <CreateTokenForm
        action={createTokenAction}
        lifetimes={TOKEN_LIFETIMES}
        defaultLifetime={DEFAULT_TOKEN_LIFETIME}
        m={m}
      />
      <h2>{m.tokens.listHeading}</h2>
      <TokensTable rows={rows} now={new Date().toISOString()} m={m} f={f} />
    </>
  );
}
