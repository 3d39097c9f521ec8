// The Kysely database interface: every table of the server, by name.
import type { OrgSeqTable, OrgsTable } from './orgs.table';
import type {
  AuditLogTable,
  BorrowersTable,
  HelpRequestsTable,
  LoansTable,
  MergesTable,
  PermanencesTable,
  RecordColumns,
  RetentionRunsTable,
} from './records.table';
import type { DeviceOutcomesTable, DevicesTable, EnrolmentCodesTable, UsersTable } from './users.table';

export interface DB {
  orgs: OrgsTable;
  org_seq: OrgSeqTable;
  users: UsersTable;
  devices: DevicesTable;
  device_outcomes: DeviceOutcomesTable;
  enrolment_codes: EnrolmentCodesTable;
  help_requests: HelpRequestsTable;
  permanences: PermanencesTable;
  equipment: RecordColumns;
  loans: LoansTable;
  borrowers: BorrowersTable;
  locations: RecordColumns;
  topics: RecordColumns;
  partners: RecordColumns;
  merges: MergesTable;
  audit_log: AuditLogTable;
  retention_runs: RetentionRunsTable;
}
