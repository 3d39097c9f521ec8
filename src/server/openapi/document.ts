// The API reference: every route module's `*.doc.ts` table, generated into one OpenAPI 3.1
// document by zod-to-openapi and served at GET /api/v1/openapi.json. A route added without its
// description fails tests/server/openapi.test.ts, which compares this with the app's routes.
import { ficheImageDocs } from '../routes/fiche-images.doc';
import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { inputSchemas, type TableName } from '../../shared/records';
import { authDocs } from '../routes/auth.doc';
import { conflictDocs } from '../routes/coordinator/conflicts.doc';
import { privacyDocs } from '../routes/coordinator/data-protection.doc';
import { equipmentDocs } from '../routes/coordinator/equipment.doc';
import { reportDocs } from '../routes/coordinator/reports.doc';
import { reviewDocs } from '../routes/coordinator/review.doc';
import { deviceDocs } from '../routes/devices.doc';
import { enrolmentCodeDocs } from '../routes/enrolment-codes.doc';
import { meDocs } from '../routes/me.doc';
import { metaDocs } from '../routes/meta.doc';
import { orgDocs } from '../routes/orgs.doc';
import { securityEventDocs } from '../routes/security-events.doc';
import { syncDocs } from '../routes/sync.doc';
import { userDocs } from '../routes/users.doc';
import { registerRoute, type RouteDocs } from './describe';

/** Every resource's descriptions: add your module's table here. */
const RESOURCE_DOCS: RouteDocs[] = [
  metaDocs,
  authDocs,
  meDocs,
  orgDocs,
  userDocs,
  enrolmentCodeDocs,
  deviceDocs,
  securityEventDocs,
  syncDocs,
  reviewDocs,
  conflictDocs,
  reportDocs,
  privacyDocs,
  equipmentDocs,
  ficheImageDocs,
];

/** Every described route, `'METHOD /path'` -> doc; a key described twice is an error. */
export function routeDocs(): RouteDocs {
  const all: RouteDocs = {};
  for (const docs of RESOURCE_DOCS) {
    for (const [key, doc] of Object.entries(docs)) {
      if (all[key]) throw new Error(`${key} is described twice`);
      all[key] = doc;
    }
  }
  return all;
}

const INPUT_NAMES: Record<TableName, string> = {
  help_requests: 'HelpRequestInput',
  permanences: 'PermanenceInput',
  equipment: 'EquipmentInput',
  loans: 'LoanInput',
  borrowers: 'BorrowerInput',
  locations: 'LocationInput',
  topics: 'TopicInput',
  partners: 'PartnerInput',
  fiches: 'FicheInput',
  session_members: 'SessionMemberInput',
};

const INTRO = `Digitafel's REST API. JSON over HTTPS (plain HTTP on localhost); every route is under \`/api/v1\`.

Every route but sign-in, enrolment and the two public ones needs \`Authorization: Bearer <token>\`; a missing, unknown, revoked or idle token gets 401. Roles: \`admin\` (the whole deployment), \`coordinator\` (one organisation), \`volunteer\` (one organisation). Every query is scoped by the organisation of the token: an id of another organisation answers 404, exactly like an id that does not exist.

Errors always have the body \`ApiError\`, never a stack trace. A body or query that fails validation is 400 \`validation_failed\` with the zod \`issues\`; unknown JSON fields are refused (strict schemas); a body over 1 MiB (a push: 2 MiB, at most 2,000 mutations) is 413; a text field holding U+0000 is 400. Answers carry \`cache-control: no-store\`.

The record schemas (\`HelpRequestInput\`... below) are what a phone sends in \`POST /sync/push\`; records come back with the server's fields added (\`Record\`).`;

let cached: object | undefined;

/** The OpenAPI 3.1 document (built once per process). */
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token of `POST /auth/login` or `POST /auth/enrol`.',
  });
  for (const [key, doc] of Object.entries(routeDocs())) registerRoute(registry, key, doc);
  // The per-table record schemas travel inside `record` of a push as free objects: listed as
  // components so a client author finds them.
  const schemas: OpenAPIRegistry['definitions'] = Object.entries(INPUT_NAMES).map(([table, id]) => ({
    type: 'schema',
    schema: inputSchemas[table as TableName].meta({ id }),
  }));
  cached = new OpenApiGeneratorV31([...registry.definitions, ...schemas]).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Digitafel API', version: '1', description: INTRO },
    servers: [{ url: '/api/v1' }],
  });
  return cached;
}
