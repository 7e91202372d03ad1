// The command-line entry of CONTRACT §3: `tsx db/seed/cli.ts <command> [options]`.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { databasePath, uploadsDir } from "../config";
import { CommandError } from "../commands/errors";
import { createUserUnchecked } from "../commands/user-records";
import { applyMigrations, openDatabase } from "../connection";
import { generatePassword } from "../passwords";
import { ensureAdmin } from "./admin";
import { writeBackup } from "./backup";
import { hasAnyMesa, loadDemo } from "./demo";
import { rebuildStatusSpans } from "./rebuild-spans";
import { restoreBackup, TargetNotEmpty } from "./restore";
import { sweepTemporaryUploads, sweepUnreferencedFiles } from "./sweep-uploads";

const USAGE = `Usage:
  npm run db:migrate                 apply pending migrations
  npm run db:seed [-- --demo]        create the first admin; --demo also loads the demo set into an empty database
  npm run db:backup -- FILE          write database and uploads to the tar archive FILE (mode 0600),
                                     consistent while the app serves writes
  npm run db:restore -- FILE [--force]
                                     restore such a backup into DATABASE_URL and UPLOADS_DIR (app stopped);
                                     checks every file's hash first; --force replaces a database that is there
  npm run db:rebuild-history         recompute the derived status_spans table from the status history
  npm run user:add -- --email E --name N --role monitor|commissioner|admin [--mesa SLUG]... [--password P]
                                     create an account; without --password one is generated and printed once
  tsx db/seed/cli.ts prepare         what \`npm start\` runs: migrate, demo set if empty, first admin,
                                     sweep unfinished uploads and stored files no evidence references`;

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

/** `user:add`: the same checks as the admin page; each refused field is printed, exit code 2. */
async function addUser(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        mesa: { type: "string", multiple: true },
        password: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const generated = values.password === undefined ? generatePassword() : undefined;
  const db = open();
  try {
    const user = await createUserUnchecked(db, {
      email: values.email,
      name: values.name,
      role: values.role,
      mesas: values.mesa ?? [],
      password: values.password ?? generated,
    });
    const mesas = user.mesas.length ? user.mesas.join(", ") : "none";
    console.log(`User created: ${user.email} (${user.role}; mesas: ${mesas})`);
    if (generated) console.log(`Generated password (shown only once): ${generated}`);
  } catch (error) {
    if (error instanceof CommandError && error.issues.length) {
      // Issue paths are the command's: `mesas.1` is the second --mesa. Codes are i18n `errors` keys.
      const lines = error.issues.map(({ path, code }) => {
        const mesa = /^mesas\.(\d+)$/.exec(path);
        return mesa ? `  --mesa ${values.mesa?.[Number(mesa[1])]}: ${code}` : `  --${path}: ${code}`;
      });
      throw new InputError(`${error.message}\n${lines.join("\n")}`);
    }
    throw error;
  } finally {
    db.$client.close();
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
      const swept = await sweepTemporaryUploads(uploadsDir());
      if (swept) console.log(`Removed ${swept} unfinished upload(s) left by an earlier run.`);
      const known = db.$client.prepare("SELECT 1 FROM files WHERE sha256 = ?").pluck();
      const orphans = await sweepUnreferencedFiles(uploadsDir(), (sha256) => known.get(sha256) !== undefined);
      if (orphans) console.log(`Removed ${orphans} stored file(s) no evidence references.`);
      return;
    }
    case "rebuild-history": {
      const rows = rebuildStatusSpans(open());
      console.log(`status_spans rebuilt from history: ${rows} rows`);
      return;
    }
    case "user:add":
      return addUser(rest);
    case "backup": {
      const { positionals } = parseCommand(rest, {});
      if (positionals.length !== 1) throw new UsageError("db:backup needs one destination FILE");
      const manifest = await writeBackup({ database: databasePath(), uploads: uploadsDir(), file: positionals[0]! });
      console.log(`Backup written to ${positionals[0]} (database and ${manifest.files} file(s))`);
      return;
    }
    case "restore": {
      const { values, positionals } = parseCommand(rest, { force: { type: "boolean", default: false } });
      if (positionals.length !== 1) throw new UsageError("db:restore needs one backup FILE");
      try {
        const manifest = await restoreBackup({
          file: positionals[0]!,
          database: databasePath(),
          uploads: uploadsDir(),
          force: values.force,
        });
        console.log(
          `Restored the backup of ${manifest.createdAt} into ${databasePath()} and ${uploadsDir()} (${manifest.files} file(s))`,
        );
      } catch (error) {
        if (error instanceof TargetNotEmpty) throw new InputError(error.message);
        throw error;
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : "No command given");
  }
}

function parseCommand<T extends ParseArgsConfig["options"]>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

class UsageError extends Error {}
/** Well-formed command line, refused values: exit 2 like a usage error, without the usage text. */
class InputError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError || error instanceof InputError ? 2 : 1);
});
