// The information texts of GDPR article 13 for visitors (help requests) and borrowers (loans),
// in Dutch, French and English, written plainly for people who read little: who is responsible,
// what is written down (no name for help requests), why, how long it is kept, their rights and
// whom to ask. All three languages are here (not in the UI catalogues) because the text is shown
// in the language of the person it is for, whatever language the phone speaks. The periods
// follow the retention job (src/shared/README.md "Personal data"): free text 26 weeks, pseudonym
// links 12 months, borrower identity 6 months after the loan ended.
import type { Lang } from './i18n/format';

export const INFO_KINDS = ['visitor', 'borrower'] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

export interface InfoSection {
  heading: string;
  paragraphs: string[];
}

export interface InfoText {
  title: string;
  intro: string;
  sections: InfoSection[];
}

/** Who the text names: the organisation and whom to ask (null when no coordinator set it). */
export interface InfoParties {
  org: string;
  contact: string | null | undefined;
}

interface Words {
  ask: (p: InfoParties) => string;
  responsible: (p: InfoParties) => InfoSection;
  rights: (p: InfoParties) => InfoSection;
  visitor: (p: InfoParties) => InfoText;
  borrower: (p: InfoParties) => InfoText;
}

const WORDS: Record<Lang, Words> = {
  en: {
    ask: (p) => (p.contact ? p.contact : `the person who helps you: they pass your question on to ${p.org}`),
    responsible: (p) => ({
      heading: 'Who is responsible?',
      paragraphs: [`${p.org}. Questions about your data: ${WORDS.en.ask(p)}.`],
    }),
    rights: (p) => ({
      heading: 'Your rights',
      paragraphs: [
        'You may ask what we have about you, ask us to correct it or delete it, or say no to it. ' +
          `Ask ${WORDS.en.ask(p)}.`,
        'Not happy with our answer? You may complain to the Data Protection Authority: ' +
          'www.dataprotectionauthority.be.',
      ],
    }),
    visitor: (p) => ({
      title: 'Your data when we help you',
      intro: `${p.org} helps people with computers, phones and the internet. This is what we write down.`,
      sections: [
        WORDS.en.responsible(p),
        {
          heading: 'What do we write down?',
          paragraphs: [
            'Never your name. We write what you needed help with, the day, the place and if it worked.',
            'Sometimes also your age group, gender, language or postcode, and a short note. ' +
              'You do not have to answer these questions.',
          ],
        },
        {
          heading: 'Why?',
          paragraphs: [
            'To know which help people need and to plan our help. We give the city and our funders ' +
              'numbers only: never a group of fewer than 5 people.',
          ],
        },
        {
          heading: 'How long?',
          paragraphs: [
            'Short notes are deleted after 6 months. After 12 months nothing links a visit to you. ' +
              'Only the numbers stay.',
          ],
        },
        WORDS.en.rights(p),
      ],
    }),
    borrower: (p) => ({
      title: 'Your data when you borrow a device',
      intro: `${p.org} lends or gives you a device. For that we need some data about you.`,
      sections: [
        WORDS.en.responsible(p),
        {
          heading: 'What do we write down?',
          paragraphs: [
            'Your name and your phone number or e-mail address. Only the coordinator’s computer keeps ' +
              'them; on the volunteers’ phones there is only a code instead of your name.',
            'Also which device you have, when you got it, when you bring it back, and what came with it.',
          ],
        },
        {
          heading: 'Why?',
          paragraphs: [
            'To lend you the device, to contact you about bringing it back, and to know who has which ' +
              'device. We give your name to nobody. The city and our funders get numbers only.',
          ],
        },
        {
          heading: 'How long?',
          paragraphs: [
            'Your name, phone and e-mail are deleted 6 months after you bring the device back (or ' +
              'after we gave it to you). What stays has no name.',
          ],
        },
        {
          heading: 'Do you agree?',
          paragraphs: [
            'We ask you before we lend the device. You may change your mind at any time: tell us, ' +
              'and we delete your name and contact details once the device is back.',
          ],
        },
        WORDS.en.rights(p),
      ],
    }),
  },
  nl: {
    ask: (p) => (p.contact ? p.contact : `de persoon die u helpt: die geeft uw vraag door aan ${p.org}`),
    responsible: (p) => ({
      heading: 'Wie is verantwoordelijk?',
      paragraphs: [`${p.org}. Vragen over uw gegevens: ${WORDS.nl.ask(p)}.`],
    }),
    rights: (p) => ({
      heading: 'Uw rechten',
      paragraphs: [
        'U mag vragen wat we over u hebben, vragen om het te verbeteren of te wissen, of er nee tegen ' +
          `zeggen. Vraag het aan ${WORDS.nl.ask(p)}.`,
        'Niet tevreden met ons antwoord? U kunt klacht indienen bij de Gegevensbeschermingsautoriteit: ' +
          'www.gegevensbeschermingsautoriteit.be.',
      ],
    }),
    visitor: (p) => ({
      title: 'Uw gegevens als we u helpen',
      intro: `${p.org} helpt mensen met computers, smartphones en internet. Dit schrijven we op.`,
      sections: [
        WORDS.nl.responsible(p),
        {
          heading: 'Wat schrijven we op?',
          paragraphs: [
            'Nooit uw naam. We schrijven op waarmee u hulp nodig had, de dag, de plaats en of het lukte.',
            'Soms ook uw leeftijdsgroep, geslacht, taal of postcode, en een korte notitie. ' +
              'U hoeft op die vragen niet te antwoorden.',
          ],
        },
        {
          heading: 'Waarom?',
          paragraphs: [
            'Om te weten welke hulp mensen nodig hebben en onze hulp te plannen. De stad en wie ons ' +
              'betaalt krijgen alleen cijfers: nooit over een groep van minder dan 5 mensen.',
          ],
        },
        {
          heading: 'Hoe lang?',
          paragraphs: [
            'Korte notities wissen we na 6 maanden. Na 12 maanden verbindt niets een bezoek nog met u. ' +
              'Alleen de cijfers blijven.',
          ],
        },
        WORDS.nl.rights(p),
      ],
    }),
    borrower: (p) => ({
      title: 'Uw gegevens als u een toestel leent',
      intro: `${p.org} leent of geeft u een toestel. Daarvoor hebben we enkele gegevens van u nodig.`,
      sections: [
        WORDS.nl.responsible(p),
        {
          heading: 'Wat schrijven we op?',
          paragraphs: [
            'Uw naam en uw telefoonnummer of e-mailadres. Alleen de computer van de coördinator bewaart ' +
              'ze; op de telefoons van de vrijwilligers staat alleen een code in plaats van uw naam.',
            'Ook welk toestel u hebt, wanneer u het kreeg, wanneer u het terugbrengt en wat erbij hoorde.',
          ],
        },
        {
          heading: 'Waarom?',
          paragraphs: [
            'Om u het toestel te lenen, u te contacteren over het terugbrengen, en te weten wie welk ' +
              'toestel heeft. We geven uw naam aan niemand. De stad en wie ons betaalt krijgen alleen cijfers.',
          ],
        },
        {
          heading: 'Hoe lang?',
          paragraphs: [
            'Uw naam, telefoon en e-mail wissen we 6 maanden nadat u het toestel terugbracht (of nadat ' +
              'we het u gaven). Wat blijft, heeft geen naam.',
          ],
        },
        {
          heading: 'Gaat u akkoord?',
          paragraphs: [
            'We vragen het u voor we het toestel lenen. U mag altijd van mening veranderen: zeg het ons, ' +
              'dan wissen we uw naam en contactgegevens zodra het toestel terug is.',
          ],
        },
        WORDS.nl.rights(p),
      ],
    }),
  },
  fr: {
    ask: (p) =>
      p.contact ? p.contact : `la personne qui vous aide : elle transmet votre question à ${p.org}`,
    responsible: (p) => ({
      heading: 'Qui est responsable ?',
      paragraphs: [`${p.org}. Questions sur vos données : ${WORDS.fr.ask(p)}.`],
    }),
    rights: (p) => ({
      heading: 'Vos droits',
      paragraphs: [
        'Vous pouvez demander ce que nous avons sur vous, demander de le corriger ou de l’effacer, ou ' +
          `vous y opposer. Demandez-le à ${WORDS.fr.ask(p)}.`,
        'Pas satisfait de notre réponse ? Vous pouvez porter plainte auprès de l’Autorité de protection ' +
          'des données : www.autoriteprotectiondonnees.be.',
      ],
    }),
    visitor: (p) => ({
      title: 'Vos données quand nous vous aidons',
      intro: `${p.org} aide les gens avec l’ordinateur, le smartphone et internet. Voici ce que nous notons.`,
      sections: [
        WORDS.fr.responsible(p),
        {
          heading: 'Que notons-nous ?',
          paragraphs: [
            'Jamais votre nom. Nous notons pour quoi vous aviez besoin d’aide, le jour, le lieu et si ' +
              'cela a marché.',
            'Parfois aussi votre tranche d’âge, votre genre, votre langue ou votre code postal, et une ' +
              'courte note. Vous ne devez pas répondre à ces questions.',
          ],
        },
        {
          heading: 'Pourquoi ?',
          paragraphs: [
            'Pour savoir de quelle aide les gens ont besoin et organiser notre aide. La ville et ceux ' +
              'qui nous financent reçoivent seulement des chiffres : jamais sur un groupe de moins de 5 personnes.',
          ],
        },
        {
          heading: 'Combien de temps ?',
          paragraphs: [
            'Les courtes notes sont effacées après 6 mois. Après 12 mois, plus rien ne relie une visite ' +
              'à vous. Seuls les chiffres restent.',
          ],
        },
        WORDS.fr.rights(p),
      ],
    }),
    borrower: (p) => ({
      title: 'Vos données quand vous empruntez un appareil',
      intro: `${p.org} vous prête ou vous donne un appareil. Pour cela, nous avons besoin de quelques données.`,
      sections: [
        WORDS.fr.responsible(p),
        {
          heading: 'Que notons-nous ?',
          paragraphs: [
            'Votre nom et votre numéro de téléphone ou adresse e-mail. Seul l’ordinateur du coordinateur ' +
              'les garde ; sur les téléphones des bénévoles, il y a seulement un code à la place de votre nom.',
            'Aussi quel appareil vous avez, quand vous l’avez reçu, quand vous le rapportez et ce qui ' +
              'l’accompagnait.',
          ],
        },
        {
          heading: 'Pourquoi ?',
          paragraphs: [
            'Pour vous prêter l’appareil, vous contacter pour le retour, et savoir qui a quel appareil. ' +
              'Nous ne donnons votre nom à personne. La ville et ceux qui nous financent reçoivent ' +
              'seulement des chiffres.',
          ],
        },
        {
          heading: 'Combien de temps ?',
          paragraphs: [
            'Votre nom, téléphone et e-mail sont effacés 6 mois après le retour de l’appareil (ou après ' +
              'le don). Ce qui reste n’a pas de nom.',
          ],
        },
        {
          heading: 'Êtes-vous d’accord ?',
          paragraphs: [
            'Nous vous le demandons avant de prêter l’appareil. Vous pouvez changer d’avis à tout moment : ' +
              'dites-le-nous, et nous effaçons votre nom et vos coordonnées dès que l’appareil est rendu.',
          ],
        },
        WORDS.fr.rights(p),
      ],
    }),
  },
};

/** The information text for `kind` in `lang`, naming the organisation and whom to ask. */
export function infoText(kind: InfoKind, lang: Lang, parties: InfoParties): InfoText {
  const contact = parties.contact?.trim() || null;
  return WORDS[lang][kind]({ org: parties.org.trim() || 'Digitafel', contact });
}
