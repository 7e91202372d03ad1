import Link from "next/link";
import { getI18n } from "@/i18n/server";

export default async function Forbidden() {
  const { m } = await getI18n();
  return (
    <>
      <h1>{m.forbidden.title}</h1>
      <p>{m.forbidden.body}</p>
      <p>
        <Link href="/">{m.notFound.back}</Link>
      </p>
    </>
  );
}
