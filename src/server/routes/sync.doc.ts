// The API reference of sync.ts: the wire contract every phone speaks.
import { pullQuery, pullResponse, pushRequest, pushResponse } from '../../shared/sync-protocol';
import { SIGNED_IN, type RouteDocs } from '../openapi/describe';

const tag = 'Sync';

export const syncDocs: RouteDocs = {
  'POST /sync/push': {
    tag,
    summary: 'Send a batch of numbered changes (at most 2,000 mutations, 2 MiB)',
    description: `\`mutationId\` counts up from 1 per device, one by one. The server handles the mutations in order, in one database transaction per request, and stores the device's \`lastMutationId\` with each one's effect, so a retried batch is applied exactly once:

- \`mutationId <= lastMutationId\`: already handled; \`skipped\`, nothing changes (a \`rejected\` or \`conflict\` answer is answered again instead, until the device pushes from a later mutationId, so a lost answer cannot lose a refusal).
- \`mutationId > lastMutationId + 1\`: a gap; handling stops there and the client resends.
- otherwise the record is validated against its table's input schema (\`HelpRequestInput\`, \`PermanenceInput\`, \`EquipmentInput\`, \`LoanInput\`, \`BorrowerInput\`, \`LocationInput\`, \`TopicInput\`, \`PartnerInput\`; unknown fields are refused) and:
  - \`applied\` with the new \`version\`: \`baseVersion\` is the current version, or the current version was written by this device; otherwise help requests and permanences merge field by field (the later arrival wins per field, what it overwrote is kept for a coordinator), also for a second create of one id;
  - \`conflict\` with the stored \`record\`: a second open loan of one equipment item; it is stored with status \`conflict\` for a coordinator, never thrown away;
  - \`rejected\` with \`error\`: \`invalid_record\` (with zod \`issues\`), \`forbidden_table\` (volunteers write help_requests, permanences and loans only), \`forbidden_record\` (a volunteer changes only records they created, except that any volunteer may return or extend a loan: of a loan someone else made they change only \`returnedAt\`, \`dueAt\`, \`extensions\`, \`conditionIn\`, \`accessoriesIn\`, any other difference from the version they saw is refused with an issue per field; on a stale copy those other fields keep their current values; deleting stays limited to their own), \`unknown_equipment\` (a loan of equipment not in the organisation), \`borrower_code_taken\` (another live borrower has this borrower code), \`asset_tag_taken\` (another live item has this asset tag, compared without case: \`LAP-0001\` and \`lap-0001\` are one tag). It still counts as handled; the phone keeps the record as "needs attention".

\`op: "delete"\` writes a tombstone. Loans: the server sets \`status\` (\`active\`, \`returned\`, \`given\`; keeps \`lost\` and \`conflict\`) and moves the equipment's status with it (on_loan, ready, given, retired for lost) as a new equipment version.`,
    access: SIGNED_IN,
    body: pushRequest,
    responses: { 200: { description: 'One result per handled mutation.', body: pushResponse } },
    errors: {
      403: '`wrong_device`: `deviceId` is not the token’s device.',
      413: '`payload_too_large`: over 2 MiB.',
      426: '`unsupported_schema_version`: the app is older than `DIGITAFEL_MIN_SCHEMA_VERSION` or newer than the server; the app offers its update.',
    },
  },
  'GET /sync/pull': {
    tag,
    summary: 'Changes after a cursor, in commit order',
    description: `No cursor (or an empty one) starts from the beginning. Following \`cursor\` until \`hasMore\` is false returns every change of the caller's organisation the caller may see, each record's latest version at least once. The sequence is taken inside the writing transaction under a row lock on the organisation's counter, so commit order is sequence order and no cursor skips a late commit. The cursor is opaque (base64url of the epoch and sequence).

What a caller sees: coordinators and admins, everything of their organisation; volunteers, the reference data (locations, topics, partners), equipment, open loans (a loan no longer open comes as a tombstone), and the help requests (by \`occurredAt\`) and permanences (by \`startedAt\`) they created themselves in the last 30 days, from any of their devices. \`borrowers\` reach coordinators only. A tombstone is \`{deleted: true, record: null}\`.

Review feedback: a record carries its \`reviewState\` (\`new\`, \`reviewed\`, \`has_issues\`) and the coordinator's \`reviewComment\`. Volunteers get both on the records they created only (their phone shows "has issues" with the comment, and the volunteer corrects the record there); other people's records (loans, equipment, reference data) reach them without these two fields. When a device's push changes what a \`reviewed\` or \`has_issues\` record says, the record is \`new\` again (the comment stays), and the next pull brings that.

\`lastMutationId\` (optional; servers older than it leave it out): the highest mutationId the server has handled for the calling device, as a push answers it. A phone that sees it below what the server had acknowledged knows the server lost pushes (a restored backup) and sends again what it still holds.`,
    access: SIGNED_IN,
    query: pullQuery,
    responses: { 200: { description: 'A page of changes.', body: pullResponse } },
    errors: {
      400: '`validation_failed`, `invalid_cursor`: the query or the cursor is malformed.',
      410: '`cursor_expired`: the cursor is too old to serve; pull again from the start.',
    },
  },
};
