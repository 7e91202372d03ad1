import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, it } from "vitest";
import { en } from "@/i18n/messages/en";
import { GET } from "../openapi.json/route";
import { openApiDocument } from "./document";

it("is a valid OpenAPI 3.1 document", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(openApiDocument()));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
});

it("is what GET /api/v1/openapi.json answers", async () => {
  const response = GET();
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
});

it("takes its texts from the English messages, which the /data page shows translated", () => {
  const operations = Object.values(openApiDocument().paths).flatMap((path) => Object.values(path));
  expect(operations.map((op) => op.summary).sort()).toEqual(Object.values(en.dataPage.api.operations).sort());
  for (const op of operations) {
    for (const parameter of op.parameters) expect(parameter.description, parameter.name).not.toBe("");
  }
});
