import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/import/import-form";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "@/db/commands/import-commitments";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/db/commands/import-file";
import { getMesaProfile } from "@/db/queries/mesas";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { requireMesaEditorPage } from "../../../guard";
import { importAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.importPage.title };
}

export default async function ImportPage({ params }: Props) {
  const { slug } = await params;
  const mesa = getMesaProfile(slug);
  if (!mesa) notFound();
  await requireMesaEditorPage(`/mesas/${slug}/import`, mesa.id);
  const { m, f } = await getI18n();
  const limits = { maxSize: `${MAX_IMPORT_BYTES / 1024 / 1024} MB`, maxRows: f.number(MAX_IMPORT_ROWS) };
  const p = {
    ...m.importPage,
    refused: { ...m.importPage.refused, tooLarge: fill(m.importPage.refused.tooLarge, limits) },
  };
  const required = new Set<string>(REQUIRED_COLUMNS);

  return (
    <>
      <h1>{p.title}</h1>
      <p className="lead">
        <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
      </p>
      <p>{p.intro}</p>
      <p>{fill(p.formats, limits)}</p>
      <ImportForm
        action={importAction.bind(null, mesa.slug)}
        mesa={{ slug: mesa.slug, name: mesa.name }}
        m={{ errors: m.errors, importPage: p }}
      />

      <section aria-labelledby="import-columns">
        <h2 id="import-columns">{p.columnsTitle}</h2>
        <p>{p.columnsIntro}</p>
        <dl>
          {IMPORT_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code> ({required.has(column) ? p.required : p.optional})
              </dt>
              <dd>{p.columns[column]}</dd>
            </div>
          ))}
        </dl>
        <p>
          {p.example}{" "}
          <a href={`/api/v1/commitments.csv?mesa=${mesa.slug}`} download>
            {p.exampleLink}
          </a>
        </p>
      </section>
    </>
  );
}
