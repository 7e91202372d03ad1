import { TableScroll } from "@/components/ui/table-scroll";
import type { UserDto } from "@/db/commands/user-records";
import type { Role } from "@/db/enums";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { RevokeUserTokensForm } from "./revoke-user-tokens-form";
import { AccountStateForm, MesasForm, PasswordForm, RoleForm, type RowAction } from "./user-row-forms";

export type UserRow = {
  user: UserDto;
  actions: { role: RowAction; mesas: RowAction; state: RowAction; password: RowAction; tokens: RowAction };
};

/** Every account with its small forms: role, mesas, disable/enable, new password, revoke tokens. */
export function UsersTable({
  rows,
  selfId,
  roles,
  mesas,
  m,
}: {
  rows: UserRow[];
  selfId: number;
  roles: readonly Role[];
  mesas: { slug: string; name: string }[];
  m: Messages;
}) {
  const a = m.admin;
  const caption = fill(a.caption, { total: rows.length });
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.email}</th>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.role}</th>
            <th scope="col">{a.mesas}</th>
            <th scope="col">{a.state}</th>
            <th scope="col">{a.resetPassword}</th>
            <th scope="col">{m.tokenControls.revokeAll}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ user, actions }) => {
            const props = { userId: user.id, email: user.email, m };
            return (
              <tr key={user.id} data-testid="user-row">
                <th scope="row">
                  {user.email} {user.id === selfId && <span className="muted">{a.you}</span>}
                </th>
                <td>{user.name}</td>
                <td>
                  <RoleForm {...props} action={actions.role} current={user.role} roles={roles} />
                </td>
                <td>
                  <MesasForm {...props} action={actions.mesas} current={user.mesas} mesas={mesas} />
                </td>
                <td>
                  <p>{user.disabled ? a.disabled : a.active}</p>
                  {user.id !== selfId && (
                    <AccountStateForm
                      key={String(user.disabled)}
                      {...props}
                      action={actions.state}
                      disabled={user.disabled}
                    />
                  )}
                </td>
                <td>
                  <PasswordForm {...props} action={actions.password} />
                </td>
                <td>
                  <RevokeUserTokensForm {...props} action={actions.tokens} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
