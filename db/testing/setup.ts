import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Runs before each test file: a fresh SQLite file, opened lazily by db/client on first use.
// In memory (tmpfs) where there is one: the app syncs every commit to disk (synchronous = FULL),
// which a throw-away test database does not need and which made the data-heavy tests crawl.
const SHARED_MEMORY = "/dev/shm";
const base = fs.existsSync(SHARED_MEMORY) ? SHARED_MEMORY : os.tmpdir();
const dir = fs.mkdtempSync(path.join(base, "mesa-monitor-test-"));
process.env.DATABASE_URL = path.join(dir, "test.db");
process.env.UPLOADS_DIR = path.join(dir, "uploads");
process.env.OUTBOX_DIR = path.join(dir, "outbox");
// Commands refused on purpose would fill the test output with their log lines.
process.env.LOG_LEVEL = "silent";

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
