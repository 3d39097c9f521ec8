// Every screen of the coordinator workspace, as the walk test (workspace-walk.test.ts) and the
// screenshot script (screenshots.ts) open them. A new workspace screen gets a line here (and
// its heading in flows.ts REVIEW_HEADINGS); the walk test fails when a page of the workspace's
// navigation is missing from this list.
import type { Page } from 'playwright-core';
import { cmsg } from './flows';
import type { WorkspaceData } from './workspace-data';

export interface WorkspaceScreen {
  /** Names the screen in failure messages and screenshot file names. */
  name: string;
  /** The path after `#/review/`, possibly made from the seeded data. */
  path: (d: WorkspaceData) => string;
  /** Steps after the screen opened, before it is checked (open a dialog, fill a form...). */
  prepare?: (page: Page, d: WorkspaceData) => Promise<void>;
}

export const WORKSPACE_SCREENS: WorkspaceScreen[] = [
  { name: 'inbox', path: () => 'inbox' },
  { name: 'fiches', path: () => 'fiches' },
  { name: 'record-help-request', path: (d) => `record/help_requests/${d.helpRequestIds[1]}` },
  {
    name: 'record-help-request-correcting',
    path: (d) => `record/help_requests/${d.helpRequestIds[3]}`,
    prepare: async (page) => {
      await page.getByRole('button', { name: cmsg('correction.start'), exact: true }).click();
      await page.getByRole('button', { name: cmsg('correction.save'), exact: true }).waitFor();
    },
  },
  { name: 'record-permanence', path: (d) => `record/permanences/${d.permanenceIds[0]}` },
  { name: 'conflicts', path: () => 'conflicts' },
  { name: 'loans', path: () => 'loans' },
  { name: 'equipment', path: () => 'equipment' },
  { name: 'asset', path: (d) => `asset/${d.equipmentIds['LT-106']}` },
  { name: 'asset-on-loan', path: (d) => `asset/${d.equipmentIds['LT-101']}` },
  {
    name: 'asset-edit',
    path: (d) => `asset/${d.equipmentIds['LT-106']}`,
    prepare: async (page) => {
      await page.getByRole('button', { name: cmsg('asset.edit'), exact: true }).click();
      await page.getByRole('form', { name: cmsg('asset.editTitle', { tag: 'LT-106' }) }).waitFor();
    },
  },
  {
    name: 'equipment-add',
    path: () => 'equipment',
    prepare: async (page) => {
      await page.getByText(cmsg('equipment.add'), { exact: true }).click();
      await page.getByRole('form', { name: cmsg('equipment.addTitle') }).waitFor();
    },
  },
  { name: 'labels', path: () => 'labels' },
  { name: 'people', path: () => 'people' },
  {
    name: 'people-enrolment-code',
    path: () => 'people',
    prepare: async (page) => {
      await page.getByLabel(cmsg('people.name'), { exact: true }).fill('Walk phone');
      await page.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
      await page.getByRole('figure').getByRole('img').waitFor();
    },
  },
  {
    name: 'people-password-link',
    path: () => 'people',
    prepare: async (page) => {
      await page.getByLabel(cmsg('people.name'), { exact: true }).fill('Walk Coordinator');
      await page.getByLabel(cmsg('people.role'), { exact: true }).selectOption('coordinator');
      await page.getByLabel(cmsg('people.addEmail'), { exact: true }).fill(`walk-${Date.now()}@e2e.test`);
      await page.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
      await page.getByRole('figure').getByRole('img').waitFor();
    },
  },
  { name: 'security-log', path: () => 'security' },
  { name: 'reference', path: () => 'reference' },
  {
    name: 'reference-edit',
    path: () => 'reference',
    prepare: async (page) => {
      await page.getByRole('button', { name: cmsg('reference.editNamed', { name: 'Markt Kiel' }) }).click();
      await page.getByRole('form', { name: cmsg('reference.editTitle', { name: 'Markt Kiel' }) }).waitFor();
      await page.getByText(cmsg('reference.addTopic'), { exact: true }).click();
    },
  },
  { name: 'dashboard', path: () => 'dashboard' },
  { name: 'exports', path: () => 'exports' },
  { name: 'report', path: () => 'report' },
  { name: 'privacy', path: () => 'privacy' },
  { name: 'info-sheet', path: () => 'info-sheet/fr/both' },
  { name: 'borrower-data', path: () => 'borrower/B-0101' },
];
