// "Did the person do it themselves?" became a choice (yes, together, helper, not asked) instead
// of a boolean (src/shared/records.ts DID_IT_THEMSELVES). Stored help requests get the choice
// their boolean stood for (true: yes, false: helper), so reports and exports see one kind of
// value; phones still sending the boolean are mapped on arrival by the schema. Versions and
// sequence numbers are left alone: the meaning did not change, and phones read either form.
import { sql, type Kysely } from 'kysely';

interface Row {
  org_id: string;
  id: string;
  data: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<Row>`
    select org_id, id, data from help_requests
    where data like ${'%"didItThemselves":true%'} or data like ${'%"didItThemselves":false%'}`.execute(db);
  for (const row of rows.rows) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    if (typeof data.didItThemselves !== 'boolean') continue;
    data.didItThemselves = data.didItThemselves ? 'yes' : 'helper';
    await sql`update help_requests set data = ${JSON.stringify(data)}
      where org_id = ${row.org_id} and id = ${row.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<Row>`
    select org_id, id, data from help_requests
    where data like ${'%"didItThemselves":"yes"%'} or data like ${'%"didItThemselves":"helper"%'}`.execute(
    db,
  );
  for (const row of rows.rows) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    if (data.didItThemselves !== 'yes' && data.didItThemselves !== 'helper') continue;
    data.didItThemselves = data.didItThemselves === 'yes';
    await sql`update help_requests set data = ${JSON.stringify(data)}
      where org_id = ${row.org_id} and id = ${row.id}`.execute(db);
  }
}
