import Link from "next/link";
import { getI18n } from "@/i18n/server";

export async function NotFoundView() {
  const { m } = await getI18n();
  return (
    <>
      <h1>{m.notFound.title}</h1>
      <p>{m.notFound.body}</p>
      <p>
        <Link href="/">{m.notFound.back}</Link>
      </p>
    </>
  );
}
