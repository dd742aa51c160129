/** Runs the kusei CLI in-process (src/cli runCli) and captures what it prints. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The fixed clock of CLI runs in these tests. */
export const CLI_NOW = new Date(Date.UTC(2026, 0, 5, 10, 0, 0));

/** `kusei <argv…>` in-process: exit status, stdout and stderr as text. */
export async function kusei(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    now: () => CLI_NOW,
  });
  return { status, stdout, stderr };
}

/** A stack frame as Node prints it ("    at fn (file.ts:1:2)"): never shown to users. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
