// Refuses weak new passwords (ASVS 2.1): at least 12 characters, and not common or easily
// guessed according to zxcvbn-ts with its common, English, French and Belgian Dutch
// dictionaries, plus the person's own name and e-mail. Only new passwords are checked (account
// creation, change, reset); signing in never is.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import type { WeakReason } from '../../shared/api';
import { HttpError } from '../http/errors';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score 3: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;
/**
 * Only this many characters are estimated: the estimate's cost grows fast with length (seconds
 * for 200 random characters on a loaded machine) and a prefix this long that is strong makes
 * the whole password strong.
 */
const ESTIMATED_LENGTH = 64;

const MESSAGES: Record<WeakReason, string> = {
  too_short: `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  personal: 'the password contains the name or e-mail of the account',
  common: 'the password is built on a common password, word or name',
  pattern: 'the password is a pattern that is easy to guess (repeats, sequences, keyboard rows, dates)',
  guessable: 'the password is too easy to guess; use three or four unrelated words',
};

// zxcvbn feedback warning keys (untranslated) by reason.
const WARNINGS: Record<string, WeakReason> = {
  userInputs: 'personal',
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  wordByItself: 'common',
  namesByThemselves: 'common',
  commonNames: 'common',
  pwned: 'common',
  straightRow: 'pattern',
  keyPattern: 'pattern',
  simpleRepeat: 'pattern',
  extendedRepeat: 'pattern',
  sequences: 'pattern',
  recentYears: 'pattern',
  dates: 'pattern',
};

let factory: Promise<ZxcvbnFactory> | undefined;

/** The estimator, built once on first use (its dictionaries take a second to load). */
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [common, en, fr, nl] = await Promise.all([
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-nl-be'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary, ...nl.dictionary },
      graphs: common.adjacencyGraphs,
      // The default (100) made a 64-character check take seconds; 16 keeps it well under one.
      l33tMaxSubstitutions: 16,
    });
  })();
  return factory;
}

/** The reason `password` is too weak, or undefined when it is strong enough. */
export async function weakPasswordReason(
  password: string,
  userInputs: string[] = [],
): Promise<WeakReason | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[\s@._+-]+/)]).filter((s) => s.length >= 4);
  // The person's own name or e-mail is the first thing someone who knows them tries.
  const folded = password.toLowerCase();
  if (inputs.some((part) => folded.includes(part.toLowerCase()))) return 'personal';
  const result: ZxcvbnResult = (await estimator()).check(password.slice(0, ESTIMATED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return undefined;
  const warning = result.feedback.warning;
  if (warning && WARNINGS[warning]) return WARNINGS[warning];
  // No single warning (several parts): a dictionary part ("wachtwoord" + "123") is the weakness.
  return result.sequence.some((m) => m.pattern === 'dictionary') ? 'common' : 'guessable';
}

/** Throws 400 `weak_password` (with the reason as an issue on `field`) for a weak password. */
export async function assertStrongPassword(
  field: string,
  password: string,
  userInputs: string[] = [],
): Promise<void> {
  const reason = await weakPasswordReason(password, userInputs);
  if (!reason) return;
  throw new HttpError(400, 'weak_password', MESSAGES[reason], [
    { code: 'weak_password', path: field.split('.'), reason, message: MESSAGES[reason] },
  ]);
}
