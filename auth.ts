import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { attemptSignIn } from "@/db/commands/sign-in";
import { getLogger } from "@/server/logger.mjs";
import { currentRequest } from "@/server/request-context.mjs";

/** Raised when an account or address has failed too often; the login form explains it. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

declare module "next-auth" {
  interface Session {
    /** When the user signed in (ms): a password reset after it ends the session. */
    signedInAt?: number;
  }
}

export const SESSION_MAX_AGE = 8 * 60 * 60;

/**
 * The client's address for throttling, as the server saw it (server/request-context.mjs; the
 * socket's, or the trusted proxy's X-Forwarded-For entry with TRUST_PROXY=true). Outside the
 * custom server (`next dev`) there is none, and all sign-ins count as one address.
 */
function clientAddress(): string {
  return currentRequest()?.address ?? "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in requires JWT sessions; the user is re-read from the database on every
  // request (db/viewers.ts), so disabling an account ends its sessions at once.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE, updateAge: 15 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password || password.length > 1024) return null;
        const address = clientAddress();
        const result = await attemptSignIn({ email, password, address });
        if (result === "throttled") {
          getLogger().warn({ address }, "sign-in throttled");
          throw new ThrottledSignIn();
        }
        if (!result) {
          getLogger().info({ address }, "sign-in refused");
          return null;
        }
        return { id: String(result.id), name: result.name, email: result.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
      return session;
    },
  },
});
