/**
 * Where a command writes: standard output and error for the real command, any pair of writers for a caller
 * that runs `main` in-process (the tests collect what a user would see).
 */
export interface CliWriter {
  write(chunk: string): boolean;
  /** a terminal: progress lines are shown */
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
  on?(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  removeListener?(event: 'error' | 'drain', listener: (...args: never[]) => void): unknown;
}

export interface CliIO {
  stdout: CliWriter;
  stderr: CliWriter;
}

export const PROCESS_IO: CliIO = { stdout: process.stdout, stderr: process.stderr };
