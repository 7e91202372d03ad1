// The error boundaries' messages, in both languages, in a module of their own: error.tsx files
// are client components, and importing es.ts or en.ts there would send every message of the site
// to every page's browser (~11 KB gzip per boundary). es.ts and en.ts include them as `error`.

export const errorPage = {
  es: {
    title: "Algo salió mal",
    body: "No pudimos mostrar esta página. Intente de nuevo en unos momentos.",
    retry: "Reintentar",
    reference: "Referencia del error: {digest}",
  },
  en: {
    title: "Something went wrong",
    body: "We could not show this page. Please try again in a moment.",
    retry: "Try again",
    reference: "Error reference: {digest}",
  },
};
