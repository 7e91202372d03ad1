import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { TableScroll } from "@/components/ui/table-scroll";
import { listAudit, AUDIT_PAGE_SIZE } from "@/db/queries/audit";
import { getI18n } from "@/i18n/server";
import { requireAdminPage } from "../../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.audit.title };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireAdminPage("/admin/audit");
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { rows, total } = listAudit(viewer, page);
  const { m, f } = await getI18n();

  return (
    <>
      <h1>{m.audit.title}</h1>
      <p className="lead">{m.audit.intro}</p>
      <TableScroll label={m.audit.title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{m.audit.at}</th>
              <th scope="col">{m.audit.actor}</th>
              <th scope="col">{m.audit.action}</th>
              <th scope="col">{m.audit.entity}</th>
              <th scope="col">{m.audit.change}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.at}>{f.dateTime(row.at)}</time>
                </td>
                <td>{row.actor ?? m.audit.system}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  {row.entityType} #{row.entityId}
                </td>
                <td>
                  <details>
                    <summary>{m.audit.details}</summary>
                    <pre className="audit-json">
                      {JSON.stringify({ before: row.before, after: row.after }, null, 2)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination
        path="/admin/audit"
        params={{}}
        page={page}
        pageSize={AUDIT_PAGE_SIZE}
        total={total}
        m={m.pagination}
      />
    </>
  );
}
