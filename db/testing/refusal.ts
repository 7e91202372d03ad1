import { CommandError } from "../commands/errors";

/** Runs a command that must be refused and returns the refusal (any other outcome fails the test). */
export function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error("expected the command to be refused");
}

/** The same for commands that are async (password hashing). */
export async function refusalOf(run: () => Promise<unknown>): Promise<CommandError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error("expected the command to be refused");
}
