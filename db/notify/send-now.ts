// `npm run notify:send` (CONTRACT §3): sends the e-mails that are due now, once, for a system
// cron; the server does the same every ten minutes unless NOTIFY_SCHEDULE=off.
import { sendDue } from "./run";

sendDue()
  .then((run) => {
    console.log(
      `notify: queued ${run.digests} digest(s) and ${run.updates} update(s); sent ${run.sent}, failed ${run.failed}` +
        (run.interrupted ? `; ${run.interrupted} interrupted by an earlier crash, not resent` : ""),
    );
    process.exit(run.failed ? 1 : 0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
