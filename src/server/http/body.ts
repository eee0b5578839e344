import "server-only";
import { AppError } from "@/lib/errors";

/** The fields of a form POST (urlencoded or multipart) as plain strings; files are ignored. */
export async function readFormFields(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    if ((await request.text()).trim() === "") return {};
    throw new AppError("BAD_REQUEST", "Send the form fields as application/x-www-form-urlencoded.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The form data could not be read.");
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") fields[name] = value;
  return fields;
}

/** 303 See Other to a path on this site: the browser follows it with a GET. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

/** JSON body of a POST; only `application/json` is accepted, which no cross-site HTML form can send. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    throw new AppError("BAD_REQUEST", "Send the request body as JSON (Content-Type: application/json).");
  }
  try {
    return await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** A JSON body the request may leave out: undefined when it has none, else read as `readJsonBody` does. */
export async function readOptionalJsonBody(request: Request): Promise<unknown> {
  if ((await request.clone().text()).trim() === "") return undefined;
  return readJsonBody(request);
}
