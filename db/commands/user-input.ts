import { z } from "zod";
import { ROLES } from "../enums";
import { slugSchema } from "../queries/filters";
import { textField } from "./form-data";

// The inputs of user writes, shared by the admin forms, the commands and the `user:add` CLI.
// No I/O here: the CLI imports this outside Next.

export const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/** Not trimmed: spaces are part of a passphrase. Empty is "required", short is "weak_password". */
export const passwordSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => p.length === 0 || p.length >= PASSWORD_MIN_LENGTH, { message: "weak_password" });

export const roleSchema = z.enum(ROLES);

/** Assigned mesas by slug. Repeats are harmless: resolveMesaSlugs drops them after checking. */
export const mesaSlugsSchema = z.array(slugSchema).max(200);

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(120),
    role: roleSchema,
    mesas: mesaSlugsSchema.default([]),
    password: passwordSchema,
  })
  .strict();
export type CreateUserInput = z.output<typeof createUserSchema>;

/** The create-user form's fields → the command's input (checkboxes `mesas`). */
export function userFromForm(formData: FormData) {
  return {
    email: textField(formData, "email"),
    name: textField(formData, "name"),
    role: textField(formData, "role"),
    mesas: mesaSlugsFromForm(formData),
    password: textField(formData, "password"),
  };
}

export function mesaSlugsFromForm(formData: FormData): string[] {
  return formData.getAll("mesas").map(String);
}
