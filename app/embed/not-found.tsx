import { NotFoundView } from "@/components/layout/not-found-view";

/** notFound() from an embed: inside the embed's layout, without the site's chrome. */
export default function NotFound() {
  return <NotFoundView />;
}
