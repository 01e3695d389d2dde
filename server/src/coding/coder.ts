// Who is coding: the name recorded as a new tag's W3C creator when none is given (the OS user name).
import { userInfo } from 'node:os';

/** The OS user name; $USER/$USERNAME where the account has no name entry (some containers); else "unknown". */
export function defaultCoder(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // No passwd entry for this uid.
  }
  return (process.env.USER ?? process.env.USERNAME ?? '').trim() || 'unknown';
}
