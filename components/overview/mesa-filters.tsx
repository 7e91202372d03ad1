import Link from "next/link";
import { MESA_STATUSES } from "@/db/enums";
import type { MesaListParams } from "@/db/queries/filters";
import type { Messages } from "@/i18n/messages/es";

/** A GET form: works without script, and its result is a link (`/?mq=&region=&mstatus=`). */
export function MesaFilters({ params, regions, m }: { params: MesaListParams; regions: string[]; m: Messages }) {
  const t = m.overview;
  // Keyed by the filters: after a client-side navigation the uncontrolled inputs show the new values.
  return (
    <form
      key={JSON.stringify(params)}
      method="get"
      action="/#mesas"
      className="filters"
      role="search"
      aria-label={t.mesaFilters}
    >
      <label>
        {t.nameFilter}
        <input type="search" name="mq" defaultValue={params.mq ?? ""} maxLength={100} />
      </label>
      <label>
        {t.region}
        <select name="region" defaultValue={params.region ?? ""}>
          <option value="">{t.anyRegion}</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status}
        <select name="mstatus" defaultValue={params.mstatus ?? ""}>
          <option value="">{m.filters.any}</option>
          {MESA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {m.mesaStatus[status]}
            </option>
          ))}
        </select>
      </label>
      {/* The sort in force survives filtering; the page does not (it starts again at 1). */}
      {params.sort && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir && <input type="hidden" name="dir" value={params.dir} />}
      {params.mview && <input type="hidden" name="mview" value={params.mview} />}
      <button type="submit" className="button">
        {m.filters.apply}
      </button>
      <Link href={params.mview ? "/?mview=table#mesas" : "/#mesas"}>{m.filters.clear}</Link>
    </form>
  );
}
