import { NotFoundView } from "@/components/layout/not-found-view";
import { SiteChrome } from "@/app/(site)/site-chrome";

/** Unmatched URLs: rendered in the root layout alone, so it brings the site's chrome itself. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundView />
    </SiteChrome>
  );
}
