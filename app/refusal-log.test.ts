import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formFailure } from "@/app/form-actions";
import { respond } from "@/app/api/v1/respond";
import type { Viewer } from "@/db/access";
import { createUser } from "@/db/commands/users";
import { refusalOf } from "@/db/testing/refusal";
import { makeUser } from "@/db/testing/fixtures";
import { createLogger, getLogger, setLogger } from "@/server/logger.mjs";

const lines: string[] = [];
const original = getLogger();
let admin: Viewer;

beforeAll(() => {
  const user = makeUser("admin");
  admin = { userId: user.id, name: user.name, role: "admin", mesaIds: [] };
  setLogger(createLogger({ write: (line: string) => void lines.push(line) }, "info"));
});
afterEach(() => void (lines.length = 0));

// A weak password, a bad e-mail and an unknown key: each refused field is named, no value is.
const input = {
  email: "not-an-email-SECRETMAIL",
  name: "",
  role: "monitor",
  password: "short-PW1",
  nickname: "SECRETNICK",
};
const refused = () => refusalOf(() => createUser(admin, input));

function assertNamesFieldsOnly(line: string) {
  const entry = JSON.parse(line);
  expect(entry).toMatchObject({ msg: "command refused", code: "invalid_input", status: 422, level: "info" });
  expect(entry.issues).toEqual(
    expect.arrayContaining([
      { path: "email", code: "invalid" },
      { path: "name", code: "required" },
      { path: "password", code: "weak_password" },
      { path: "nickname", code: "invalid" },
    ]),
  );
  for (const secret of ["SECRETMAIL", "PW1", "SECRETNICK"]) expect(line).not.toContain(secret);
}

describe("refused commands are logged", () => {
  it("once per API refusal, naming the field paths and none of the values", async () => {
    const error = await refused();
    const response = await respond(() => Promise.reject(error));
    expect(response.status).toBe(422);
    expect(lines).toHaveLength(1);
    assertNamesFieldsOnly(lines[0]);
  });

  it("once per form refusal, naming the field paths and none of the values", async () => {
    const state = formFailure(await refused(), { password: input.password, email: input.email });
    expect(state.status).toBe("error");
    expect(lines).toHaveLength(1);
    assertNamesFieldsOnly(lines[0]);
  });

  it("not at all for errors that are not refusals (those are Next's to report)", async () => {
    await expect(respond(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(lines).toEqual([]);
  });
});

afterAll(() => setLogger(original));
