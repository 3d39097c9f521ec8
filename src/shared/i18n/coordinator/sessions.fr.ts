// Les mots du coordinateur pour les sessions partagées (voir sessions.en.ts).
import type { SessionsKey } from './sessions.en';

export const sessionsFr: Record<SessionsKey, string> = {
  'table.session_members': 'Comptages des sessions partagées',
  'record.session_members': 'Comptage d’un téléphone dans une session partagée',
  'conflicts.subject.session_members': 'Comptage dans la session du {date}',
  'field.joinedAt': 'A rejoint',
  'field.doorCount': 'Portes',
  'field.notHomeCount': 'Absents',
  'field.conversationCount': 'Conversations',
  'col.joined': 'A rejoint',
  'col.doors': 'Portes',
  'col.notHome': 'Absents',
  'col.conversations': 'Conversations',
  'dashboard.doors': 'Portes frappées',
  'dashboard.notHome': 'Personne à la maison',
  'dashboard.conversations': 'Conversations au porte-à-porte',
  'session.heading': 'Compté ensemble',
  'session.intro': 'Totaux de tous les téléphones qui ont compté dans cette session.',
  'session.total': 'Total',
  'session.who': 'Qui',
  'session.opened': 'l’a ouverte',
  'session.joined': 'a rejoint',
  'session.endedBy': 'l’a terminée',
};
