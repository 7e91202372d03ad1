import { z } from "zod";
import type { Role } from "@/db/enums";
import { idParamSchema, periodNumberSchema, slugSchema } from "@/db/queries/filters";
import { fill } from "@/i18n/fill";
import { en } from "@/i18n/messages/en";
import { COMPONENTS, OPERATIONS, type ErrorStatus, type Operation, type OperationId, type Tag } from "./operations";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse their
// input with and type their answers by (./operations.ts). Its texts are the English messages
// (i18n), so the /data page can show the same descriptions in the reader's language.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  $ref?: string;
  [keyword: string]: unknown;
};
export type Parameter = {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description: string;
  schema: JsonSchema;
};
type Content = Record<string, { schema: JsonSchema }>;
export type OperationObject = {
  operationId: OperationId;
  summary: string;
  description: string;
  tags: [Tag];
  security: Record<string, never[]>[];
  "x-role"?: Role;
  parameters: Parameter[];
  requestBody?: { required: true; content: Content };
  responses: Record<string, { description: string; content: Content } | { $ref: string }>;
};
export type Method = Operation["method"];
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string }[];
  tags: { name: Tag; description: string }[];
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: Record<string, Record<string, unknown>>;
};

export const API_BASE = "/api/v1";
/** CONTRACT §5's error shape, as the page and the document's description write it. */
export const ERROR_SHAPE = "{error: {code, message, issues?: [{path, message}]}}";
/** The licence of the open data (README: a decision the contract leaves open). */
export const DATA_LICENCE = {
  name: "CC BY 4.0",
  identifier: "CC-BY-4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
};

const ERROR_RESPONSES: Record<ErrorStatus, string> = {
  400: "BadRequest",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  413: "TooLarge",
  415: "UnsupportedMediaType",
  422: "InvalidInput",
  429: "TooManyRequests",
};
const PATH_PARAMETERS: Record<string, z.ZodType> = { id: idParamSchema, slug: slugSchema, n: periodNumberSchema };
const CREDENTIALS: Record<string, never[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];
const schemaRef = (name: string) => `#/components/schemas/${name}`;
const componentNames = new Map(Object.entries(COMPONENTS).map(([name, schema]) => [schema, name]));
const m = en.dataPage.api;

/** zod spells out `format: date` and `date-time` as long regular expressions too: the format says it. */
const override: z.core.JSONSchemaGeneratorParams["override"] = ({ jsonSchema }) => {
  if (jsonSchema.format === "date" || jsonSchema.format === "date-time") delete jsonSchema.pattern;
};

/** A schema as a request reads it (defaults optional, before transforms), without `$schema`. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", override });
  return json as JsonSchema;
}

function outputSchema(schema: z.ZodType): JsonSchema {
  const name = componentNames.get(schema);
  if (name) return { $ref: schemaRef(name) };
  const { $schema: _, ...json } = z.toJSONSchema(schema, { override });
  return json as JsonSchema;
}

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: schemaRef, override });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _, $id: __, ...schema }]) => [name, schema as JsonSchema]),
  );
}

function parameter(name: string, where: Parameter["in"], required: boolean, schema: JsonSchema): Parameter {
  const description = (m.parameters as Record<string, string>)[name];
  if (!description) throw new Error(`The parameter ${name} has no description in dataPage.api.parameters.`);
  return { name, in: where, required, description, schema };
}

function parametersOf(schema: z.ZodType, where: Parameter["in"]): Parameter[] {
  const { properties = {}, required = [] } = inputSchema(schema);
  return Object.entries(properties).map(([name, property]) =>
    parameter(name, where, required.includes(name), property),
  );
}

function operationObject(op: Operation): OperationObject {
  const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
  const content = (mediaType: string, schema: JsonSchema) => ({ [mediaType]: { schema } });
  // A route that never answers 401 reads no credentials at all.
  const credentials = op.errors.includes(401);
  return {
    operationId: op.id,
    summary: m.operations[op.id],
    description: op.role ? fill(m.role, { role: en.userRole[op.role] }) : credentials ? m.public : m.open,
    tags: [op.tag],
    security: !credentials ? [] : op.role ? CREDENTIALS : [{}, ...CREDENTIALS],
    ...(op.role ? { "x-role": op.role } : {}),
    parameters: [
      ...pathNames.map((name) => parameter(name, "path", true, inputSchema(PATH_PARAMETERS[name]))),
      ...(op.query ? parametersOf(op.query, "query") : []),
      ...(op.headers ? parametersOf(z.object(op.headers), "header") : []),
    ],
    ...(op.body
      ? { requestBody: { required: true as const, content: content(op.body.mediaType, inputSchema(op.body.schema)) } }
      : {}),
    responses: {
      ...Object.fromEntries(
        op.answers.map((answer) => [
          answer.status,
          {
            description: m.responses[answer.status],
            content: content(answer.mediaType ?? "application/json", outputSchema(answer.schema)),
          },
        ]),
      ),
      ...Object.fromEntries(
        op.errors.map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` }]),
      ),
    },
  };
}

function build(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: `${en.meta.title} API`,
      version: "1",
      summary: en.meta.description,
      description: `${fill(m.intro, { base: API_BASE })}\n\n${fill(m.errors, { shape: ERROR_SHAPE })}`,
      license: { name: DATA_LICENCE.name, identifier: DATA_LICENCE.identifier },
    },
    servers: [{ url: API_BASE }],
    tags: (Object.keys(m.tags) as Tag[]).map((name) => ({ name, description: m.tags[name] })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, name]) => [
          name,
          {
            description: m.responses[Number(status) as ErrorStatus],
            content: { "application/json": { schema: { $ref: schemaRef("Error") } } },
          },
        ]),
      ),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token (mm_…), created at /account/tokens.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser's session after signing in at /login (__Secure-authjs.session-token over HTTPS).",
        },
      },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document, built once per process (it depends on nothing but the code). */
export function openApiDocument(): OpenApiDocument {
  return (built ??= build());
}
