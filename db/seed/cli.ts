// The command-line entry of CONTRACT §3: `tsx db/seed/cli.ts <command> [options]`.
import { parseArgs } from "node:util";
import { databasePath } from "../config";
import { applyMigrations, openDatabase } from "../connection";
import { ensureAdmin } from "./admin";
import { hasAnyMesa, loadDemo } from "./demo";

const USAGE = `Usage:
  npm run db:migrate                 apply pending migrations
  npm run db:seed [-- --demo]        create the first admin; --demo also loads the demo set into an empty database
  npm run db:backup -- FILE          copy the live database to FILE (safe while the app runs)
  tsx db/seed/cli.ts prepare         what \`npm start\` runs: migrate, demo set if empty, first admin`;

function open() {
  const db = openDatabase(databasePath());
  applyMigrations(db);
  return db;
}

async function createAdmin(db: ReturnType<typeof open>) {
  const admin = await ensureAdmin(db);
  if (admin?.generatedPassword) {
    console.log(
      `Admin account created: ${admin.email}\nGenerated password (shown only once): ${admin.generatedPassword}`,
    );
  } else if (admin) {
    console.log(`Admin account created: ${admin.email} (password from ADMIN_PASSWORD)`);
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case "migrate": {
      open();
      console.log(`Migrations applied to ${databasePath()}`);
      return;
    }
    case "seed": {
      const { values } = parseArgs({ args: rest, options: { demo: { type: "boolean", default: false } } });
      const db = open();
      await createAdmin(db);
      if (values.demo) {
        await loadDemo(db);
        console.log("Demo data set loaded (illustrative data).");
      }
      return;
    }
    case "prepare": {
      const db = open();
      await createAdmin(db);
      if (!hasAnyMesa(db)) {
        await loadDemo(db);
        console.log("Empty database: demo data set loaded (illustrative data).");
      }
      return;
    }
    case "backup": {
      const file = rest.find((arg) => !arg.startsWith("-"));
      if (!file) throw new UsageError("db:backup needs a destination FILE");
      await open().$client.backup(file);
      console.log(`Backup written to ${file}`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : "No command given");
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
});
