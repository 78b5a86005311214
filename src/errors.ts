/**
 * Every failure oauth-doctor reports is a DoctorError with a stable code; the
 * exit status follows from the code's class, so commands never pick numbers.
 * Rendering happens in one place (src/cli/report-error.ts).
 */
export const ExitCode = {
  Ok: 0,
  /** The provider refused (an OAuth problem was diagnosed), or nothing was recognised. */
  Refused: 1,
  Usage: 2,
  Network: 3,
  Timeout: 4,
  /** A bug in oauth-doctor (EX_SOFTWARE of BSD sysexits.h): a stack trace and a request to report it. */
  Internal: 70,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorClass = 'usage' | 'input' | 'network' | 'timeout' | 'interrupted' | 'refused';

const EXIT_BY_CLASS: Record<ErrorClass, ExitCode> = {
  usage: ExitCode.Usage,
  input: ExitCode.Usage,
  network: ExitCode.Network,
  timeout: ExitCode.Timeout,
  interrupted: ExitCode.Interrupted,
  refused: ExitCode.Refused,
};

export interface DoctorErrorOptions {
  /** What to do about it, shown after the message. */
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

export class DoctorError extends Error {
  override readonly name = 'DoctorError';
  readonly hint: string | undefined;

  constructor(
    /** Stable, kebab-case, e.g. `missing-flag`, `network-refused`. */
    readonly code: string,
    readonly errorClass: ErrorClass,
    message: string,
    options: DoctorErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  get exitCode(): ExitCode {
    return EXIT_BY_CLASS[this.errorClass];
  }
}

export function usageError(code: string, message: string, hint?: string): DoctorError {
  return new DoctorError(code, 'usage', message, { hint });
}

export function inputError(code: string, message: string, hint?: string): DoctorError {
  return new DoctorError(code, 'input', message, { hint });
}

export function isDoctorError(value: unknown): value is DoctorError {
  return value instanceof DoctorError;
}
