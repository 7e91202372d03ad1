import "server-only";
import { Cron } from "croner";
import { sendDue } from "@/db/notify/run";
import { getLogger } from "@/server/logger.mjs";

/** Every ten minutes the server sends what is due (digests at their hour, updates as they come). */
const NOTIFY_CRON = "*/10 * * * *";

let job: Cron | undefined;

export function startNotifySchedule(): void {
  job ??= new Cron(
    NOTIFY_CRON,
    { protect: true, catch: (err) => getLogger().error({ err }, "e-mail run failed") },
    async () => {
      const run = await sendDue();
      if (run.sent || run.failed) getLogger().info(run, "e-mail run");
    },
  );
  getLogger().info({ cron: NOTIFY_CRON }, "e-mail schedule started");
}
