import type { FormState } from "@/components/forms/form-state";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TokenDto } from "@/db/queries/tokens";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { RevokeTokenForm } from "./revoke-token-form";

type RevokeAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The viewer's own tokens: never the token itself, which was shown once at creation. `now`
 * (an ISO instant) tells expired tokens apart.
 */
export function TokensTable({
  rows,
  now,
  m,
  f,
}: {
  rows: { token: TokenDto; revoke: RevokeAction }[];
  now: string;
  m: Messages;
  f: Formatter;
}) {
  const t = m.tokens;
  const x = m.tokenControls;
  const stateOf = (token: TokenDto) =>
    token.revokedAt
      ? fill(t.revokedOn, { date: f.instant(token.revokedAt) })
      : token.expiresAt && token.expiresAt <= now
        ? x.expired
        : t.active;
  if (rows.length === 0) return <p>{t.empty}</p>;
  return (
    <TableScroll label={t.caption}>
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.createdAt}</th>
            <th scope="col">{t.lastUsed}</th>
            <th scope="col">{x.expiresAt}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">{t.revoke}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ token, revoke }) => (
            <tr key={token.id} data-testid="token-row">
              <th scope="row">{token.name}</th>
              <td>{f.instant(token.createdAt)}</td>
              <td>{token.lastUsedAt ? f.instant(token.lastUsedAt) : t.never}</td>
              <td>{token.expiresAt ? f.instant(token.expiresAt) : x.noExpiry}</td>
              <td>{stateOf(token)}</td>
              <td>{!token.revokedAt && <RevokeTokenForm action={revoke} name={token.name} m={m} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
