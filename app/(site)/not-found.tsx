import { NotFoundView } from "@/components/layout/not-found-view";

/** notFound() from a page of the site, inside its layout. */
export default function NotFound() {
  return <NotFoundView />;
}
