// Reading HTML form fields for the commands' input converters (FormData values are strings or files).

/** A text field's value, or undefined when absent (or a file). */
export function textField(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

/** Every value of a repeated text field (checkboxes). */
export function textFields(formData: FormData, key: string): string[] {
  return formData.getAll(key).filter((v): v is string => typeof v === "string");
}
