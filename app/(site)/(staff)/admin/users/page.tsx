import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { ROLES } from "@/db/enums";
import { listMesaNames } from "@/db/queries/mesas";
import { listUsers } from "@/db/queries/users";
import { getI18n } from "@/i18n/server";
import { requireAdminPage } from "../../guard";
import {
  createUserAction,
  disableUserAction,
  enableUserAction,
  resetPasswordAction,
  revokeUserTokensAction,
  setUserMesasAction,
  setUserRoleAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.title };
}

export default async function UsersPage() {
  const viewer = await requireAdminPage("/admin/users");
  const { m } = await getI18n();
  const mesas = listMesaNames();
  const rows = listUsers(viewer).map((user) => ({
    user,
    actions: {
      role: setUserRoleAction.bind(null, user.id),
      mesas: setUserMesasAction.bind(null, user.id),
      state: (user.disabled ? enableUserAction : disableUserAction).bind(null, user.id),
      password: resetPasswordAction.bind(null, user.id),
      tokens: revokeUserTokensAction.bind(null, user.id),
    },
  }));

  return (
    <>
      <h1>{m.admin.title}</h1>
      <p className="lead">{m.admin.intro}</p>
      <h2>{m.admin.createHeading}</h2>
      <CreateUserForm action={createUserAction} roles={ROLES} mesas={mesas} m={m} />
      <h2>{m.admin.listHeading}</h2>
      <UsersTable rows={rows} selfId={viewer.userId} roles={ROLES} mesas={mesas} m={m} />
    </>
  );
}
