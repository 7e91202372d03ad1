import { NextResponse } from "next/server";
import { unsubscribe } from "@/db/commands/subscriptions";
import { CommandError } from "@/db/commands/errors";

type Context = { params: Promise<{ token: string }> };

/**
 * RFC 8058 one-click unsubscribe: the mail program POSTs `List-Unsubscribe=One-Click` to the
 * address in the List-Unsubscribe header, with no cookie and no page in between.
 */
export async function POST(_request: Request, { params }: Context) {
  try {
    unsubscribe((await params).token);
  } catch (error) {
    if (error instanceof CommandError) return new NextResponse(null, { status: error.status });
    throw error;
  }
  return new NextResponse(null, { status: 200 });
}

/** Opened in a browser: the page with the button, which also says what happens. */
export async function GET(request: Request, { params }: Context) {
  return NextResponse.redirect(
    new URL(`/subscribe/unsubscribe/${encodeURIComponent((await params).token)}`, request.url),
    303,
  );
}
