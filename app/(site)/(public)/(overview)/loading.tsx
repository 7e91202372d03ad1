import { Loading } from "@/components/layout/loading";

// Only the overview streams a loading state: it counts every mesa. The mesa and party pages call
// notFound(), which must answer 404, so they stream their heavy parts inside Suspense instead (a
// loading.tsx above them would send the 200 before the page knew — fixed once already, 17a55ef).
export default function OverviewLoading() {
  return <Loading page />;
}
