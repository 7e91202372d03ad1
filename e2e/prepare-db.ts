// Builds the e2e database before the server starts: the demo set plus one account per role
// (see e2e/support.ts). `npm start` then adds the admin from ADMIN_EMAIL / ADMIN_PASSWORD.
import { databasePath } from "../db/config";
import { applyMigrations, openDatabase } from "../db/connection";
import { createUserUnchecked } from "../db/commands/user-records";
import { loadDemo } from "../db/seed/demo";
import { PASSWORD } from "./accounts";

async function main() {
  const db = openDatabase(databasePath());
  applyMigrations(db);
  await loadDemo(db);
  const accounts = [
    { email: "comisionada.a@e2e.test", name: "Comisionada A", role: "commissioner", mesas: ["las-bambas"] },
    { email: "monitor.a@e2e.test", name: "Monitor A", role: "monitor", mesas: ["las-bambas"] },
    { email: "monitor.b@e2e.test", name: "Monitor B", role: "monitor", mesas: ["espinar"] },
  ];
  for (const account of accounts) await createUserUnchecked(db, { ...account, password: PASSWORD });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
