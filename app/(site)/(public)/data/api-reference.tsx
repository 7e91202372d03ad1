import { Fragment, type ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import {
  API_BASE,
  ERROR_SHAPE,
  type JsonSchema,
  type Method,
  type OpenApiDocument,
  type OperationObject,
} from "@/app/api/v1/openapi/document";
import type { Tag } from "@/app/api/v1/openapi/operations";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

type Labels = Messages["dataPage"]["api"];

/** A message with one placeholder replaced by markup (`fill` gives text only). */
function withNode(template: string, key: string, node: ReactNode): ReactNode {
  const [before, after] = template.split(`{${key}}`);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}

/** Names as code, separated by commas. */
export function CodeList({ names }: { names: string[] }) {
  return names.map((name, i) => (
    <Fragment key={name}>
      {i > 0 && ", "}
      <code>{name}</code>
    </Fragment>
  ));
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** A schema's type in a few words: its name, values, range or format. */
function typeOf(schema: JsonSchema, a: Labels): ReactNode {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.format === "binary") return a.file;
  const nullable = schema.anyOf?.length === 2 && schema.anyOf.find((s) => s.type === "null");
  const other = nullable && schema.anyOf!.find((s) => s.type !== "null");
  if (other) return withNode(a.orNull, "type", typeOf(other, a));
  if (schema.enum) return withNode(a.oneOf, "values", <CodeList names={schema.enum.map(String)} />);
  if (schema.type === "array" && schema.items) return withNode(a.list, "item", typeOf(schema.items, a));
  if (schema.format === "date") return a.date;
  const { minimum: min, maximum: max } = schema;
  const range =
    min !== undefined && max !== undefined && max < Number.MAX_SAFE_INTEGER ? ` (${fill(a.between, { min, max })})` : "";
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  return `${schema.format ?? type ?? "—"}${range}`;
}

/** A captioned table of named fields (parameters, body fields), the name as each row's header. */
function FieldTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; name: string; cells: ReactNode[] }[];
}) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, cells }) => (
            <tr key={key}>
              <th scope="row">
                <code>{name}</code>
              </th>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ParameterTable({ op, label, a }: { op: OperationObject; label: string; a: Labels }) {
  return (
    <FieldTable
      caption={fill(a.parametersCaption, { operation: label })}
      headers={[a.name, a.location, a.type, a.required, a.description]}
      rows={op.parameters.map((p) => ({
        key: `${p.in}-${p.name}`,
        name: p.name,
        cells: [
          a.in[p.in],
          typeOf(p.schema, a),
          p.required ? a.yes : a.no,
          // The document's descriptions are English; the page shows the same ones translated.
          a.parameters[p.name as keyof Labels["parameters"]],
        ],
      }))}
    />
  );
}

function BodyTable({ op, label, a }: { op: OperationObject; label: string; a: Labels }) {
  const [[mediaType, { schema }]] = Object.entries(op.requestBody!.content);
  const required = new Set(schema.required ?? []);
  return (
    <FieldTable
      caption={fill(a.bodyCaption, { operation: label, mediaType })}
      headers={[a.name, a.type, a.required]}
      rows={Object.entries(schema.properties ?? {}).map(([name, property]) => ({
        key: name,
        name,
        cells: [typeOf(property, a), required.has(name) ? a.yes : a.no],
      }))}
    />
  );
}

function Operation({
  method,
  path,
  op,
  m,
}: {
  method: Method;
  path: string;
  op: OperationObject;
  m: Messages;
}) {
  const a = m.dataPage.api;
  const label = `${method.toUpperCase()} ${API_BASE}${path}`;
  const role = op["x-role"];
  return (
    <article className="api-operation" aria-labelledby={op.operationId}>
      <h4 id={op.operationId}>
        <code>{label}</code>
      </h4>
      <p>{a.operations[op.operationId]}</p>
      <p className="muted">
        {a.access}: {role ? fill(a.role, { role: m.userRole[role] }) : op.security.length ? a.public : a.open}
      </p>
      {op.parameters.length > 0 && <ParameterTable op={op} label={label} a={a} />}
      {op.requestBody && <BodyTable op={op} label={label} a={a} />}
      <h5>{a.responsesHeading}</h5>
      <dl className="facts">
        {Object.entries(op.responses).map(([status, response]) => {
          const schema = "content" in response ? Object.values(response.content)[0].schema : undefined;
          return (
            <Fragment key={status}>
              <dt>{status}</dt>
              <dd>
                {a.responses[Number(status) as keyof Labels["responses"]]}
                {schema?.$ref && <> — {withNode(a.returns, "schema", <code>{refName(schema.$ref)}</code>)}</>}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </article>
  );
}

/** The API's documentation, rendered on the server from its OpenAPI document, grouped by tag. */
export function ApiReference({ doc, m }: { doc: OpenApiDocument; m: Messages }) {
  const a = m.dataPage.api;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    (Object.entries(methods) as [Method, OperationObject][]).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <section aria-labelledby="api">
      <h2 id="api">{a.heading}</h2>
      <p>{withNode(a.intro, "base", <code>{API_BASE}</code>)}</p>
      <p>{withNode(a.errors, "shape", <code>{ERROR_SHAPE}</code>)}</p>
      {doc.tags.map(({ name }: { name: Tag }) => (
        <section key={name} aria-labelledby={`api-${name}`}>
          <h3 id={`api-${name}`}>{a.tags[name]}</h3>
          {operations
            .filter(({ op }) => op.tags[0] === name)
            .map(({ path, method, op }) => (
              <Operation key={op.operationId} method={method} path={path} op={op} m={m} />
            ))}
        </section>
      ))}
    </section>
  );
}
