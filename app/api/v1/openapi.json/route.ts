import { openApiDocument } from "../openapi/document";

/** The OpenAPI 3.1 description of /api/v1 (CONTRACT §5), generated from the handlers' own schemas. */
export function GET() {
  return Response.json(openApiDocument());
}
