import type { CommitmentDto } from "@/db/queries/commitments";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

// How a recurring commitment and its periods read, in the reader's language. Pure, tested.

type Recurrence = NonNullable<CommitmentDto["recurrence"]>;
type Period = CommitmentDto["periods"][number];

/** "Anual desde el 1 ene. 2023, sin fecha de fin" or "… hasta el 31 dic. 2026". */
export function recurrenceText(recurrence: Recurrence, p: Messages["periods"], f: Formatter): string {
  const every = p.every[recurrence.every];
  const from = f.date(recurrence.startsOn);
  return recurrence.endsOn === null
    ? fill(p.recursOpen, { every, from })
    : fill(p.recursUntil, { every, from, to: f.date(recurrence.endsOn) });
}

/** A period as a choice in a form: its number, first day and due date. */
export function periodOption(period: Period, p: Messages["periods"], f: Formatter): string {
  return fill(p.periodOption, { n: period.n, from: f.date(period.startsOn), due: f.date(period.dueOn) });
}
