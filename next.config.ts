import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // The import page's Server Action carries a file of up to 1 MB (db/commands/import-file.ts),
    // and its confirm button the same file again as base64: 1.33 MB plus the form.
    serverActions: { bodySizeLimit: "2mb" },
  },
  // PDFKit reads its font metrics from files beside its code, which bundling would leave behind.
  serverExternalPackages: ["pdfkit"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Embeds are the only pages other sites may frame (CONTRACT §4; their CSP: proxy.ts).
      { source: "/:path((?!embed/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // Pages get a per-request policy with a nonce (proxy.ts); the API serves data only.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
