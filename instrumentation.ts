// Next.js calls register() once when a server starts (CONTRACT §3: the server sends due e-mail
// itself). Not while building, and not when NOTIFY_SCHEDULE=off (a system cron runs notify:send).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.NOTIFY_SCHEDULE === "off") return;
  const { startNotifySchedule } = await import("./mail/schedule");
  startNotifySchedule();
}
