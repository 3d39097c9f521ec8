// The Kysely database interface: every table of the server, by name.
import type { JobLeasesTable, JobRunsTable } from './jobs.table';
import type { OrgSeqTable, OrgsTable } from './orgs.table';
import type {
  AuditLogTable,
  FicheImagesTable,
  BorrowersTable,
  EquipmentTable,
  HelpRequestsTable,
  LoansTable,
  MergesTable,
  PermanencesTable,
  RecordColumns,
  SessionMembersTable,
  RetentionRunsTable,
} from './records.table';
import type {
  AuthAttemptsTable,
  DeviceOutcomesTable,
  DevicesTable,
  EnrolmentCodesTable,
  ResetCodesTable,
  SecurityEventsTable,
  UsersTable,
} from './users.table';

export interface DB {
  orgs: OrgsTable;
  org_seq: OrgSeqTable;
  users: UsersTable;
  devices: DevicesTable;
  device_outcomes: DeviceOutcomesTable;
  enrolment_codes: EnrolmentCodesTable;
  auth_attempts: AuthAttemptsTable;
  reset_codes: ResetCodesTable;
  security_events: SecurityEventsTable;
  help_requests: HelpRequestsTable;
  permanences: PermanencesTable;
  equipment: EquipmentTable;
  loans: LoansTable;
  borrowers: BorrowersTable;
  locations: RecordColumns;
  topics: RecordColumns;
  partners: RecordColumns;
  fiches: RecordColumns;
  fiche_images: FicheImagesTable;
  session_members: SessionMembersTable;
  merges: MergesTable;
  audit_log: AuditLogTable;
  retention_runs: RetentionRunsTable;
  job_leases: JobLeasesTable;
  job_runs: JobRunsTable;
}
