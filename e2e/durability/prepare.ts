// Builds the durability test's database (run by ./run.ts as
// `node --conditions=react-server --import tsx e2e/durability/prepare.ts WRITERS` with DATABASE_URL
// set): the demo set, and for each writer a monitor and a commissioner of las-bambas with an API
// token each, and a commitment of that mesa to write on. Prints the writers as JSON.
import { getDb } from "../../db/client";
import { createUserUnchecked } from "../../db/commands/user-records";
import { createToken } from "../../db/commands/tokens";
import { loadDemo } from "../../db/seed/demo";
import { viewerForUser } from "../../db/viewers";
import type { WriterAccount } from "./types";

async function account(role: "monitor" | "commissioner", n: number): Promise<{ id: number; token: string }> {
  const user = await createUserUnchecked(getDb(), {
    email: `${role}.${n}@durability.test`,
    name: `Durability ${role} ${n}`,
    role,
    mesas: ["las-bambas"],
    password: "durability-password-1234",
  });
  return { id: user.id, token: createToken(viewerForUser(user.id), { name: "durability test" }).token };
}

async function main(writers: number) {
  await loadDemo(getDb());
  const commitmentIds = getDb()
    .$client.prepare(
      `SELECT c.id FROM commitments c JOIN mesas m ON m.id = c.mesa_id
       WHERE m.slug = 'las-bambas' AND c.recurrence IS NULL AND c.status <> 'superseded' ORDER BY c.id`,
    )
    .pluck()
    .all() as number[];
  if (commitmentIds.length === 0) throw new Error("the demo set has no one-off commitment on las-bambas");
  const accounts: WriterAccount[] = [];
  for (let n = 0; n < writers; n++) {
    const monitor = await account("monitor", n);
    const commissioner = await account("commissioner", n);
    accounts.push({
      monitorId: monitor.id,
      monitorToken: monitor.token,
      commissionerToken: commissioner.token,
      commitmentId: commitmentIds[n % commitmentIds.length]!,
    });
  }
  getDb().$client.close();
  console.log(JSON.stringify(accounts));
}

main(Number(process.argv[2] ?? 1)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
