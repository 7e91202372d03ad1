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

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** A schema's type in a few words: its name, values, range or format. */
function typeOf(schema: JsonSchema, a: Labels): ReactNode {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.format === "binary") return a.file;
  const nullable = schema.anyOf?.length === 2 && schema.anyOf.find((s) => s.type === "null");
  const other = nullable && schema.anyOf!.find((s) => s.type !== "null");
  if (other) return withNode(a.orNull, "type", typeOf(other, a));
  if (schema.enum) {
    const values = schema.enum.map((value, i) => (
      <Fragment key={String(value)}>
        {i > 0 && ", "}
        <code>{String(value)}</code>
      </Fragment>
    ));
    return withNode(a.oneOf, "values", values);
  }
  if (schema.type === "array" && schema.items) return withNode(a.list, "item", typeOf(schema.items, a));
  if (schema.format === "date") return a.date;
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
  const range =
    min !== undefined && schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
      ? ` (${fill(a.between, { min, max: schema.maximum })})`
      : "";
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  return `${schema.format ?? type ?? "—"}${range}`;
}

function ParameterTable({ op, label, a }: { op: OperationObject; label: string; a: Labels }) {
  const caption = fill(a.parametersCaption, { operation: label });
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.location}</th>
            <th scope="col">{a.type}</th>
            <th scope="col">{a.required}</th>
            <th scope="col">{a.description}</th>
          </tr>
        </thead>
        <tbody>
          {op.parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`}>
              <th scope="row">
                <code>{p.name}</code>
              </th>
              <td>{a.in[p.in]}</td>
              <td>{typeOf(p.schema, a)}</td>
              <td>{p.required ? a.yes : a.no}</td>
              {/* The document's descriptions are English; the page shows the same ones translated. */}
              <td>{a.parameters[p.name as keyof Labels["parameters"]]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function BodyTable({ op, label, a }: { op: OperationObject; label: string; a: Labels }) {
  const [[mediaType, { schema }]] = Object.entries(op.requestBody!.content);
  const caption = fill(a.bodyCaption, { operation: label, mediaType });
  const required = new Set(schema.required ?? []);
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.type}</th>
            <th scope="col">{a.required}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(schema.properties ?? {}).map(([name, property]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{typeOf(property, a)}</td>
              <td>{required.has(name) ? a.yes : a.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
        {a.access}: {role ? fill(a.role, { role: m.userRole[role] }) : a.public}
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
