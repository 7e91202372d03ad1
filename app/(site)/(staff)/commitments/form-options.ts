import "server-only";
import { RECURRENCE_EVERY, THEMES, VISIBILITIES } from "@/db/enums";
import type { MesaProfile } from "@/db/queries/mesas";
import { listParties } from "@/db/queries/parties";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";

/** The choices a commitment form offers for a mesa. */
export function commitmentFormOptions(mesa: MesaProfile, m: Messages, f: Formatter) {
  return {
    themes: THEMES,
    visibilities: VISIBILITIES,
    recurrences: RECURRENCE_EVERY,
    parties: listParties(),
    meetings: mesa.meetings.map((meeting) => ({
      number: meeting.number,
      label: `${fill(m.mesa.meetingNumber, { n: meeting.number })} — ${f.date(meeting.heldOn)}`,
    })),
  };
}
