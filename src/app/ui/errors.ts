// Turns any thrown error into a wire-style code the catalogues translate (`error.<code>`):
// server ApiErrors keep their code, local store errors map to theirs. Duck-typed on `name` so
// this first-load module does not pull in the classes' modules.
import { errorText } from '../../shared/i18n';

/** The error code of `err` ("invalid_credentials", "network", "loan_blocked"...). */
export function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: unknown; message?: string } | undefined;
  switch (e?.name) {
    case 'ApiError':
      return typeof e.code === 'string' ? e.code : 'unknown';
    case 'NetworkError':
      return 'network';
    case 'ValidationError':
      return 'validation_failed';
    case 'LoanBlockedError':
      return 'loan_blocked';
    case 'StorageFullError':
      return 'storage_full';
    case 'NotFoundError':
      return 'not_found';
    default:
      return 'unknown';
  }
}

/** The message to show for `err` in the current language. */
export function errorMessage(err: unknown): string {
  return errorText(errorCode(err));
}
