import "server-only";
import { Cron } from "croner";
import { sendDue } from "@/db/notify/run";

/** Every ten minutes the server sends what is due (digests at their hour, updates as they come). */
const NOTIFY_CRON = "*/10 * * * *";

let job: Cron | undefined;

export function startNotifySchedule(): void {
  job ??= new Cron(
    NOTIFY_CRON,
    { protect: true, catch: (error) => console.error("notify: run failed", error) },
    async () => {
      await sendDue();
    },
  );
}
