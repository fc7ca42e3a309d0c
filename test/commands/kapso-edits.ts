/** Small, exact edits of the Kapso spec text, for tests that need a "before" and an "after". */
import { readFile } from "node:fs/promises";
import { kapsoSpec } from "../support/run.js";

export function kapsoSpecText(): Promise<string> {
  return readFile(kapsoSpec, "utf8");
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at === -1 || text.indexOf(search, at + 1) !== -1)
    throw new Error(`the Kapso spec no longer has exactly one ${JSON.stringify(search)}`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** Breaking for callers: updatePhoneNumber's body must now carry an access token. */
export function requireAccessToken(text: string): string {
  return replaceOnce(
    text,
    "      description: Phone number settings to change.\n",
    "      description: Phone number settings to change.\n      required: [access_token]\n",
  );
}

/** Not breaking: one more optional property on every returned phone number. */
export function addPhoneNumberProperty(text: string, name: string): string {
  const last =
    "        is_pin_enabled:\n          type: boolean\n          description: Whether a PIN is enabled for the number.\n";
  return replaceOnce(text, last, `${last}        ${name}:\n          type: string\n`);
}

/** Breaking: the connectPhoneNumber operation is gone. */
export function removeConnectOperation(text: string): string {
  const start = text.indexOf("  /customers/{customer_id}/whatsapp/phone_numbers:\n");
  const end = text.indexOf("\ncomponents:\n");
  if (start === -1 || end === -1) throw new Error("the Kapso spec no longer has the connect operation where expected");
  return text.slice(0, start) + text.slice(end + 1);
}
