// Home's calm notice that a coordinator marked some of this person's records "has issues", with
// a link to them (Recent lists them first, with the coordinator's remark). Reads through
// src/local/read.ts, like the rest of the first screen.
import { tn } from '../../shared/i18n';
import { listRecordsWithIssues } from '../../local/read';
import { useLive } from '../ui/useLive';

async function countWithIssues(): Promise<number> {
  const { help, permanences } = await listRecordsWithIssues();
  return help.length + permanences.length;
}

/** "N records need your attention", or nothing. */
export function AttentionNotice() {
  const n = useLive(countWithIssues) ?? 0;
  if (n === 0) return null;
  return (
    <p class="notice notice-attention">
      <a href="#/recent">{tn('home.attention', n)}</a>
    </p>
  );
}
