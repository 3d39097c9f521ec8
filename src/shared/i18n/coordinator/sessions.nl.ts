// De woorden van de coördinator voor gedeelde sessies (zie sessions.en.ts).
import type { SessionsKey } from './sessions.en';

export const sessionsNl: Record<SessionsKey, string> = {
  'table.session_members': 'Tellingen van gedeelde sessies',
  'record.session_members': 'Telling van één telefoon in een gedeelde sessie',
  'conflicts.subject.session_members': 'Telling in de sessie van {date}',
  'field.joinedAt': 'Aangesloten',
  'field.doorCount': 'Deuren',
  'field.notHomeCount': 'Niet thuis',
  'field.conversationCount': 'Gesprekken',
  'col.joined': 'Aangesloten',
  'col.doors': 'Deuren',
  'col.notHome': 'Niet thuis',
  'col.conversations': 'Gesprekken',
  'dashboard.doors': 'Deuren aangebeld',
  'dashboard.notHome': 'Niemand thuis',
  'dashboard.conversations': 'Gesprekken aan de deur',
  'session.heading': 'Samen geteld',
  'session.intro': 'Totalen van alle telefoons die in deze sessie telden.',
  'session.total': 'Totaal',
  'session.who': 'Wie',
  'session.opened': 'opende ze',
  'session.joined': 'sloot aan',
  'session.endedBy': 'sloot ze af',
};
