// The coordinator's words for shared sessions (a permanence several phones counted in):
// the summed totals and who took part. Merged into the coordinator catalogue (en.ts); every
// key exists in sessions.nl.ts and sessions.fr.ts.
export const sessionsEn = {
  'table.session_members': 'Shared session counts',
  'record.session_members': 'Count of one phone in a shared session',
  'conflicts.subject.session_members': 'Count in the session of {date}',
  'field.joinedAt': 'Joined',
  'field.doorCount': 'Doors',
  'field.notHomeCount': 'Not at home',
  'field.conversationCount': 'Conversations',
  'col.joined': 'Joined',
  'col.doors': 'Doors',
  'col.notHome': 'Not at home',
  'col.conversations': 'Conversations',
  'dashboard.doors': 'Doors knocked on',
  'dashboard.notHome': 'Nobody at home',
  'dashboard.conversations': 'Door-to-door conversations',
  'session.heading': 'Counted together',
  'session.intro': 'Totals of every phone that counted in this session.',
  'session.total': 'Total',
  'session.who': 'Who',
  'session.opened': 'opened it',
  'session.joined': 'joined',
  'session.endedBy': 'ended it',
};
export type SessionsKey = keyof typeof sessionsEn;
