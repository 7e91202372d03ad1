import type { Metadata } from "next";
import { TableScroll } from "@/components/ui/table-scroll";
import { CHART_IDS, type ChartId } from "@/components/charts/tables";
import { listMesaNames } from "@/db/queries/mesas";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { getI18n } from "@/i18n/server";
import { API_BASE, DATA_LICENCE, openApiDocument } from "@/app/api/v1/openapi/document";
import { ApiReference, CodeList } from "./api-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.dataPage.title };
}

function chartTitles(m: Messages): Record<ChartId, string> {
  return {
    "status-by-mesa": m.charts.statusByMesa.title,
    parties: m.charts.parties.title,
    monthly: m.charts.monthly.title,
    "due-soon": m.charts.dueSoon.title,
    themes: m.charts.themes.title,
  };
}

/** The names of an operation's query parameters, as the API's document lists them. */
function queryParameters(path: string): string[] {
  const parameters = openApiDocument().paths[path].get?.parameters ?? [];
  return parameters.filter((p) => p.in === "query").map((p) => p.name);
}

/** CONTRACT §4 `/data`: the open-data downloads, their licence, and the API's documentation. */
export default async function DataPage() {
  const { m } = await getI18n();
  const d = m.dataPage.downloads;
  const mesas = listMesaNames();
  const rows = [{ slug: "", name: d.allMesas }, ...mesas];
  const link = (what: string, format: string) => ({ "aria-label": fill(d.downloadAs, { what, format }) });
  const titles = chartTitles(m);
  const [before, after] = d.chartsIntro.split("{params}");

  return (
    <>
      <h1>{m.dataPage.title}</h1>
      <p className="lead">{m.dataPage.intro}</p>
      <p>
        <strong>{m.dataPage.licenceLabel}</strong>{" "}
        <a href={DATA_LICENCE.url} rel="license">
          {m.dataPage.licenceName}
        </a>
        . {m.dataPage.licenceTerms}
      </p>

      <section aria-labelledby="downloads">
        <h2 id="downloads">{d.heading}</h2>
        <h3>{d.commitments}</h3>
        <p>
          {d.commitmentsIntro} <CodeList names={queryParameters("/commitments.csv")} />.
        </p>
        <TableScroll label={d.byMesaCaption}>
          <table>
            <caption>{d.byMesaCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{d.mesa}</th>
                <th scope="col">{d.csv}</th>
                <th scope="col">{d.json}</th>
                <th scope="col">{d.periods}</th>
                <th scope="col">{d.feed}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ slug, name }) => {
                const query = slug ? `?mesa=${slug}` : "";
                return (
                  <tr key={slug}>
                    <th scope="row">{name}</th>
                    <td>
                      <a href={`${API_BASE}/commitments.csv${query}`} {...link(name, d.csv)}>
                        {d.csv}
                      </a>
                    </td>
                    <td>
                      <a href={`${API_BASE}/commitments.json${query}`} {...link(name, d.json)}>
                        {d.json}
                      </a>
                    </td>
                    <td>
                      <a href={`${API_BASE}/periods.csv${query}`} {...link(name, d.periods)}>
                        {d.csv}
                      </a>
                    </td>
                    <td>
                      <a href={slug ? `/mesas/${slug}/feed.xml` : "/feed.xml"} {...link(name, d.feed)}>
                        {d.atom}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <p>{d.periodsHelp}</p>

        <h3>{d.charts}</h3>
        <p>
          {before}
          <CodeList names={queryParameters("/stats.csv").filter((name) => name !== "chart")} />
          {after}
        </p>
        <ul>
          {CHART_IDS.map((chart) => (
            <li key={chart}>
              <a href={`${API_BASE}/stats.csv?chart=${chart}`}>{fill(d.csvOf, { what: titles[chart] })}</a>
            </li>
          ))}
        </ul>

        <h3>{d.feeds}</h3>
        <p>{d.feedsIntro}</p>
        <ul>
          <li>
            <a href="/feed.xml">{d.siteFeed}</a>
          </li>
        </ul>

        <h3>{d.openapi}</h3>
        <p>
          {d.openapiIntro} <a href={`${API_BASE}/openapi.json`}>{`${API_BASE}/openapi.json`}</a>
        </p>
      </section>

      <ApiReference doc={openApiDocument()} m={m} />
    </>
  );
}
