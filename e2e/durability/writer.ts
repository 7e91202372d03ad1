// One writer: evidence from its monitor (with an Idempotency-Key) and status changes from its
// commissioner, one at a time, each tried until the server answers it, across crashes.
import type { CrashableServer } from "./server";
import { sleep } from "./server";
import { pdf, photo, type Upload } from "./files";
import type { Ledger, WriterAccount } from "./types";

/** An answer read whole: only then does it count as one. */
type Answer = { status: number; text: string };

const CYCLE = ["in_progress", "partial", "pending"] as const;

export class Writer {
  private stopped = false;
  private count = 0;

  constructor(
    private readonly name: string,
    private readonly account: WriterAccount,
    private readonly server: CrashableServer,
    private readonly ledger: Ledger,
    private readonly shared: Upload,
  ) {}

  /** Writes until stopped; the write under way is finished (acknowledged) first. */
  async run(): Promise<void> {
    while (!this.stopped) {
      this.count += 1;
      const t0 = Date.now();
      const op = Math.random() < 0.7 ? "ev" : "st";
      if (op === "ev") await this.submitEvidence();
      else await this.changeStatus();
      if (process.env.DEBUG_DUR)
        console.log(`${this.name} ${op} ${this.count} ${Date.now() - t0}ms at ${new Date().toISOString()}`);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async submitEvidence(): Promise<void> {
    const key = `${this.name}-evidence-${this.count}`;
    const uploads = [await pdf(`Evidencia ${key}`)];
    if (Math.random() < 0.5) uploads.push(await photo());
    if (Math.random() < 0.3) uploads.push(this.shared);
    const url = `${this.server.base}/api/v1/commitments/${this.account.commitmentId}/evidence`;
    const response = await this.untilAnswered(() => {
      // A fresh body for every attempt: a body is read once.
      const form = new FormData();
      form.set("observedOn", yesterday());
      form.set("kind", "document");
      form.set("summary", `Prueba de durabilidad ${key}`);
      for (const upload of uploads)
        form.append("files", new Blob([new Uint8Array(upload.data)], { type: upload.type }), upload.name);
      return fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${this.account.monitorToken}`, "idempotency-key": key },
        body: form,
        signal: AbortSignal.timeout(60_000),
      });
    });
    if (response.status !== 201) throw new Error(`evidence ${key}: ${response.status} ${response.text}`);
    const body = JSON.parse(response.text) as { id: number; files: unknown[] };
    this.ledger.evidence.push({
      key,
      id: body.id,
      userId: this.account.monitorId,
      commitmentId: this.account.commitmentId,
      files: new Set(uploads.map((u) => u.data.toString("base64"))).size,
    });
    if (body.files.length === 0) throw new Error(`evidence ${key}: answered without its files`);
  }

  /**
   * Status changes carry no idempotency key. So that a retry cannot apply one twice, a change
   * whose answer was lost is looked for in the history once the server is back, and sent again
   * only when it is not there. Its reason names it: each reason is used by one change.
   */
  private async changeStatus(): Promise<void> {
    const reason = `${this.name} change ${this.count}`;
    const status = CYCLE[this.count % CYCLE.length];
    const url = `${this.server.base}/api/v1/commitments/${this.account.commitmentId}`;
    const headers = { authorization: `Bearer ${this.account.commissionerToken}`, "content-type": "application/json" };
    for (;;) {
      await this.server.up();
      let response: Answer;
      try {
        const sent = await fetch(`${url}/status`, {
          method: "POST",
          headers,
          body: JSON.stringify({ status, reason }),
          signal: AbortSignal.timeout(60_000),
        });
        response = { status: sent.status, text: await sent.text() };
      } catch {
        this.ledger.retries += 1;
        if (await this.inHistory(url, reason)) {
          this.ledger.appliedUnacknowledged.push(reason);
          return;
        }
        continue;
      }
      if (response.status >= 500) {
        this.ledger.serverErrors += 1;
        await sleep(200);
        continue;
      }
      if (response.status !== 200) throw new Error(`status change ${reason}: ${response.status} ${response.text}`);
      this.ledger.statusChanges.push(reason);
      return;
    }
  }

  private async inHistory(url: string, reason: string): Promise<boolean> {
    const response = await this.untilAnswered(() =>
      fetch(url, { headers: { authorization: `Bearer ${this.account.commissionerToken}` } }),
    );
    if (response.status !== 200) throw new Error(`reading ${url}: ${response.status}`);
    const detail = JSON.parse(response.text) as { history: { reason: string }[] };
    return detail.history.some((entry) => entry.reason === reason);
  }

  /**
   * Sends until the server answers, body included (a crash only drops the connection, possibly
   * halfway through the answer, which then counts as none); 5xx and 429 are tried again.
   */
  private async untilAnswered(send: () => Promise<Response>): Promise<Answer> {
    for (;;) {
      await this.server.up();
      try {
        const response = await send();
        const answer = { status: response.status, text: await response.text() };
        if (response.status === 429) {
          await sleep(1000 * Number(response.headers.get("retry-after") ?? 1));
          continue;
        }
        if (response.status >= 500) {
          this.ledger.serverErrors += 1;
          await sleep(200);
          continue;
        }
        return answer;
      } catch {
        this.ledger.retries += 1;
      }
    }
  }
}

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}
