/** Why the process cannot start, in one line that tells the operator what to do; never a stack trace. */
export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}
