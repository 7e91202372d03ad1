import type { MeetingSummary } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

export function MeetingList({ meetings, m, f }: { meetings: MeetingSummary[]; m: Messages; f: Formatter }) {
  if (meetings.length === 0) return <p>{m.mesa.noMeetings}</p>;
  return (
    <ol className="timeline">
      {meetings.map((meeting) => (
        <li key={meeting.number}>
          <h3>
            {fill(m.mesa.meetingNumber, { n: meeting.number })} — {f.date(meeting.heldOn)}
            {meeting.place ? `, ${meeting.place}` : ""}
          </h3>
          <p>{meeting.summary}</p>
          {meeting.attendees.length > 0 && (
            <p className="muted">
              {m.mesa.attendees}: {meeting.attendees.map((a) => a.name).join(", ")}
            </p>
          )}
          {meeting.minutes && (
            <p>
              {m.mesa.minutes}: {meeting.minutes.name} <code>SHA-256 {meeting.minutes.sha256}</code>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
