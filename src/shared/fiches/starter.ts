// The starter fiches every organisation has from the start (like the built-in topics): short
// step-by-step cards for the questions most asked at a stand, in Dutch, French and English,
// written to be shown to the person, who does the steps while the helper guides ("help with,
// not do for"). Loaded on demand (a chunk of its own, precached: offline too). A coordinator
// edits one by saving a fiche record with `starter: <key>`, which takes its place, and hides
// one with such a record set `active: false`.
import type { FicheInput } from '../records';

export interface StarterFiche {
  starter: string;
  topics: string[];
  texts: Required<FicheInput['texts']>;
}

export const STARTER_FICHES: StarterFiche[] = [
  {
    starter: 'itsme_first_use',
    topics: ['itsme'],
    texts: {
      nl: {
        title: 'itsme voor het eerst instellen',
        body: `Nodig: een smartphone met uw eigen gsm-nummer, en uw identiteitskaart (met kaartlezer of via de app van uw bank).

1. Open de **App Store** (iPhone) of **Google Play** (Android) en zoek **itsme**. Kijk of de maker **itsme** is.
2. Installeer de app en open ze. Tik op **Aan de slag**.
3. Typ uw gsm-nummer. U krijgt een sms met een code: typ die over.
4. Kies hoe u bewijst wie u bent: met de app van uw bank, of met uw identiteitskaart. Volg de stappen op het scherm.
5. Kies zelf een **itsme-code van 5 cijfers**. Kies geen geboortedatum of 12345.
6. Zet vingerafdruk of gezichtsherkenning aan als u wilt.

> De helper kijkt mee, maar de persoon typt de codes zelf. Schrijf de code nooit op bij de gsm.
> Bevestig in itsme alleen iets wat u zelf net gestart hebt.`,
      },
      fr: {
        title: 'Activer itsme la première fois',
        body: `Il faut : un smartphone avec votre propre numéro de GSM, et votre carte d’identité (avec un lecteur de carte ou via l’app de votre banque).

1. Ouvrez l’**App Store** (iPhone) ou **Google Play** (Android) et cherchez **itsme**. Vérifiez que l’éditeur est **itsme**.
2. Installez l’app et ouvrez-la. Touchez **Commencer**.
3. Tapez votre numéro de GSM. Vous recevez un SMS avec un code : recopiez-le.
4. Choisissez comment prouver qui vous êtes : avec l’app de votre banque, ou avec votre carte d’identité. Suivez les étapes à l’écran.
5. Choisissez vous-même un **code itsme de 5 chiffres**. Pas de date de naissance ni 12345.
6. Activez l’empreinte digitale ou la reconnaissance du visage si vous le souhaitez.

> L’aidant·e regarde, mais la personne tape elle-même les codes. N’écrivez jamais le code à côté du téléphone.
> Ne confirmez dans itsme que ce que vous venez de lancer vous-même.`,
      },
      en: {
        title: 'Setting up itsme the first time',
        body: `You need: a smartphone with your own mobile number, and your identity card (with a card reader, or through your bank’s app).

1. Open the **App Store** (iPhone) or **Google Play** (Android) and search for **itsme**. Check that the maker is **itsme**.
2. Install the app and open it. Tap **Get started**.
3. Type your mobile number. A text message brings a code: type it in.
4. Choose how to prove who you are: with your bank’s app, or with your identity card. Follow the steps on the screen.
5. Choose your own **5-digit itsme code**. Not a birth date, not 12345.
6. Turn on fingerprint or face recognition if you like.

> The helper watches, but the person types the codes themselves. Never write the code down next to the phone.
> Only confirm in itsme what you have just started yourself.`,
      },
    },
  },
  {
    starter: 'eid_card_reader',
    topics: ['eid'],
    texts: {
      nl: {
        title: 'Aanmelden met eID en kaartlezer',
        body: `Nodig: uw identiteitskaart, een kaartlezer, een computer en uw **pincode** (4 cijfers).

1. Installeer één keer de eID-software van **eid.belgie.be**.
2. Steek de kaartlezer in de computer en de kaart in de lezer, met de chip eerst.
3. Kies op de aanmeldpagina van de overheid **Aanmelden met eID** (of "met kaartlezer").
4. Kies uw certificaat als de browser het vraagt.
5. Typ uw pincode **zelf**, in het venster dat opent.

> Na 3 foute pincodes is de kaart geblokkeerd. Een nieuwe pin- en pukcode vraagt u aan bij uw **gemeente**; ze komen per brief.
> Pincode vergeten? Niet raden: vraag eerst de codes aan.`,
      },
      fr: {
        title: 'Se connecter avec l’eID et un lecteur de carte',
        body: `Il faut : votre carte d’identité, un lecteur de carte, un ordinateur et votre **code PIN** (4 chiffres).

1. Installez une fois le logiciel eID depuis **eid.belgique.be**.
2. Branchez le lecteur à l’ordinateur et mettez la carte dans le lecteur, puce en premier.
3. Sur la page de connexion de l’administration, choisissez **Se connecter avec eID** (ou « avec lecteur de carte »).
4. Choisissez votre certificat si le navigateur le demande.
5. Tapez votre code PIN **vous-même**, dans la fenêtre qui s’ouvre.

> Après 3 codes PIN faux, la carte est bloquée. De nouveaux codes PIN et PUK se demandent à votre **commune** ; ils arrivent par courrier.
> Code PIN oublié ? Ne devinez pas : demandez d’abord les codes.`,
      },
      en: {
        title: 'Logging in with your eID and a card reader',
        body: `You need: your identity card, a card reader, a computer and your **PIN** (4 digits).

1. Install the eID software once, from **eid.belgium.be**.
2. Plug the card reader into the computer and put the card in, chip first.
3. On the government’s login page, choose **Log in with eID** (or "with a card reader").
4. Choose your certificate if the browser asks.
5. Type your PIN **yourself**, in the window that opens.

> After 3 wrong PINs the card is blocked. New PIN and PUK codes are requested at your **municipality**; they come by post.
> Forgot the PIN? Do not guess: request the codes first.`,
      },
    },
  },
  {
    starter: 'email_attachment',
    topics: ['email'],
    texts: {
      nl: {
        title: 'Een bijlage sturen met e-mail (gsm)',
        body: `1. Open uw e-mailapp (bijvoorbeeld Gmail of Outlook).
2. Tik op **Opstellen** of het potlood / het plusteken.
3. Typ bij **Aan** het e-mailadres van de ontvanger. Kijk het letter per letter na.
4. Typ een **Onderwerp**, bijvoorbeeld "Loonfiche maart".
5. Tik op de **paperclip** en kies **Bestand** of **Foto**. Zoek het document en tik erop.
6. Kijk of de bijlage onderaan of bovenaan verschijnt.
7. Schrijf een korte boodschap en tik op **Verzenden** (het papieren vliegtuigje).

> Een foto van een document? Leg het plat, in goed licht, en neem het hele blad.`,
      },
      fr: {
        title: 'Envoyer une pièce jointe par e-mail (téléphone)',
        body: `1. Ouvrez votre app d’e-mail (par exemple Gmail ou Outlook).
2. Touchez **Nouveau message** ou le crayon / le signe plus.
3. À côté de **À**, tapez l’adresse e-mail du destinataire. Vérifiez-la lettre par lettre.
4. Tapez un **Objet**, par exemple « Fiche de paie mars ».
5. Touchez le **trombone** et choisissez **Fichier** ou **Photo**. Cherchez le document et touchez-le.
6. Vérifiez que la pièce jointe apparaît dans le message.
7. Écrivez un court message et touchez **Envoyer** (l’avion en papier).

> Une photo d’un document ? Posez-le à plat, dans une bonne lumière, et prenez toute la feuille.`,
      },
      en: {
        title: 'Sending an attachment by e-mail (phone)',
        body: `1. Open your e-mail app (for example Gmail or Outlook).
2. Tap **Compose** or the pencil / plus sign.
3. Next to **To**, type the address of the person. Check it letter by letter.
4. Type a **Subject**, for example "Pay slip March".
5. Tap the **paperclip** and choose **File** or **Photo**. Find the document and tap it.
6. Check that the attachment shows in the message.
7. Write a short message and tap **Send** (the paper plane).

> A photo of a document? Lay it flat, in good light, and take the whole page.`,
      },
    },
  },
  {
    starter: 'phishing',
    topics: ['phishing'],
    texts: {
      nl: {
        title: 'Phishing herkennen',
        body: `Een bericht (sms, e-mail, WhatsApp) is verdacht als het:
- **haast** maakt: "uw rekening wordt vandaag geblokkeerd";
- vraagt om een **code**, uw kaartlezer of een **itsme-bevestiging**;
- een **link** heeft naar een vreemd adres (kijk wat er na https:// staat);
- u **geld** laat betalen of terugbetalen, of een pakje belooft.

1. Klik niet op de link. Antwoord niet.
2. Twijfel? Bel de bank of de dienst zelf, met het nummer op hun website of uw kaart.
3. Stuur verdachte e-mails door naar **verdacht@safeonweb.be**.
4. Toch geklikt of een code gegeven? Bel meteen uw bank of **Card Stop: 078 170 170**, en doe aangifte bij de politie.

> Uw bank vraagt nooit uw codes, per telefoon, sms of e-mail.`,
      },
      fr: {
        title: 'Reconnaître l’hameçonnage (phishing)',
        body: `Un message (SMS, e-mail, WhatsApp) est suspect s’il :
- vous **presse** : « votre compte sera bloqué aujourd’hui » ;
- demande un **code**, votre lecteur de carte ou une **confirmation itsme** ;
- contient un **lien** vers une adresse étrange (regardez ce qui suit https://) ;
- vous fait **payer** ou rembourser, ou promet un colis.

1. Ne cliquez pas sur le lien. Ne répondez pas.
2. Un doute ? Appelez la banque ou le service vous-même, au numéro de leur site ou de votre carte.
3. Transférez les e-mails suspects à **suspect@safeonweb.be**.
4. Vous avez cliqué ou donné un code ? Appelez tout de suite votre banque ou **Card Stop : 078 170 170**, et portez plainte à la police.

> Votre banque ne vous demande jamais vos codes, ni par téléphone, ni par SMS, ni par e-mail.`,
      },
      en: {
        title: 'Recognising phishing',
        body: `A message (text, e-mail, WhatsApp) is suspicious when it:
- **rushes** you: "your account will be blocked today";
- asks for a **code**, your card reader or an **itsme confirmation**;
- has a **link** to a strange address (look at what follows https://);
- makes you **pay** or pay back, or promises a parcel.

1. Do not click the link. Do not answer.
2. In doubt? Call the bank or the service yourself, on the number from their website or your card.
3. Forward suspicious e-mails to **suspect@safeonweb.be**.
4. Clicked or gave a code anyway? Call your bank or **Card Stop: 078 170 170** at once, and report it to the police.

> Your bank never asks for your codes, by phone, text or e-mail.`,
      },
    },
  },
  {
    starter: 'mypension_login',
    topics: ['mypension'],
    texts: {
      nl: {
        title: 'Aanmelden op MyPension',
        body: `Nodig: itsme, of uw identiteitskaart met kaartlezer en pincode.

1. Open de browser en typ **www.mypension.be**. Kijk of het adres juist is.
2. Kies **Nederlands** en tik op **Aanmelden**.
3. Kies **itsme** (of **eID**).
4. Met itsme: typ uw gsm-nummer en bevestig **zelf** in de itsme-app.
5. U ziet uw pensioendossier: de datum waarop u met pensioen kan, het geschatte bedrag, uw loopbaan.
6. Klaar? Tik op **Afmelden**.

> Vragen over het dossier zelf: bel de Pensioenlijn **1765**.`,
      },
      fr: {
        title: 'Se connecter à MyPension',
        body: `Il faut : itsme, ou votre carte d’identité avec lecteur de carte et code PIN.

1. Ouvrez le navigateur et tapez **www.mypension.be**. Vérifiez l’adresse.
2. Choisissez **Français** et touchez **Se connecter**.
3. Choisissez **itsme** (ou **eID**).
4. Avec itsme : tapez votre numéro de GSM et confirmez **vous-même** dans l’app itsme.
5. Vous voyez votre dossier de pension : la date à laquelle vous pouvez partir, le montant estimé, votre carrière.
6. Fini ? Touchez **Se déconnecter**.

> Questions sur le dossier lui-même : appelez la Ligne Pension **1765**.`,
      },
      en: {
        title: 'Logging in to MyPension',
        body: `You need: itsme, or your identity card with a card reader and PIN.

1. Open the browser and type **www.mypension.be**. Check the address.
2. Choose a language and tap **Log in**.
3. Choose **itsme** (or **eID**).
4. With itsme: type your mobile number and confirm **yourself** in the itsme app.
5. You see your pension file: the date you can retire, the estimated amount, your career.
6. Done? Tap **Log out**.

> Questions about the file itself: call the Pension Line **1765**.`,
      },
    },
  },
  {
    starter: 'e_banking_safely',
    topics: ['e_banking'],
    texts: {
      nl: {
        title: 'Veilig bankieren met de app',
        body: `1. Installeer de app van uw bank alleen uit de **App Store** of **Google Play**. Kijk of de maker uw bank is.
2. Meld aan met uw eigen code, vingerafdruk of itsme. **Niemand** anders kijkt mee of typt.
3. Kijk bij een overschrijving naar naam, rekeningnummer (IBAN) en bedrag, **voor** u bevestigt.
4. Bevestig alleen wat u zelf net gestart hebt.
5. Meld af als u klaar bent. Zet een schermvergrendeling op de gsm.

> Bankieren op openbare wifi of een gedeelde computer? Liever niet.
> Gsm of kaart kwijt? Bel **Card Stop: 078 170 170**.`,
      },
      fr: {
        title: 'Utiliser l’app de sa banque en sécurité',
        body: `1. Installez l’app de votre banque uniquement depuis l’**App Store** ou **Google Play**. Vérifiez que l’éditeur est votre banque.
2. Connectez-vous avec votre code, votre empreinte ou itsme. **Personne** d’autre ne regarde ni ne tape.
3. Pour un virement, vérifiez le nom, le numéro de compte (IBAN) et le montant **avant** de confirmer.
4. Ne confirmez que ce que vous venez de lancer vous-même.
5. Déconnectez-vous à la fin. Mettez un verrouillage d’écran sur le téléphone.

> Banque sur un wifi public ou un ordinateur partagé ? Mieux vaut pas.
> Téléphone ou carte perdu ? Appelez **Card Stop : 078 170 170**.`,
      },
      en: {
        title: 'Banking safely with the app',
        body: `1. Install your bank’s app only from the **App Store** or **Google Play**. Check that the maker is your bank.
2. Log in with your own code, fingerprint or itsme. **Nobody** else watches or types.
3. For a transfer, check the name, account number (IBAN) and amount **before** you confirm.
4. Only confirm what you have just started yourself.
5. Log out when done. Put a screen lock on the phone.

> Banking on public wifi or a shared computer? Better not.
> Lost your phone or card? Call **Card Stop: 078 170 170**.`,
      },
    },
  },
  {
    starter: 'tax_on_web',
    topics: ['tax_on_web'],
    texts: {
      nl: {
        title: 'Belastingaangifte met MyMinfin (Tax-on-web)',
        body: `Nodig: itsme of eID met kaartlezer; uw loonfiches of pensioenfiches bij de hand.

1. Ga naar **www.myminfin.be** en meld aan met itsme of eID.
2. Kies **Tax-on-web** / **Aangifte invullen**.
3. Kreeg u een **voorstel van vereenvoudigde aangifte**? Lees het na. Klopt alles, dan hoeft u niets te doen.
4. Anders: open de aangifte. Veel bedragen staan er al in: kijk ze na met uw fiches.
5. Vul aan wat ontbreekt (bijvoorbeeld kinderopvang, giften).
6. Bekijk de berekening en **onderteken** de aangifte. Bewaar het ontvangstbewijs.

> Let op de datum op uw brief. Twijfel? De FOD Financiën helpt gratis: **02 572 57 57**.`,
      },
      fr: {
        title: 'Déclaration d’impôts avec MyMinfin (Tax-on-web)',
        body: `Il faut : itsme ou eID avec lecteur ; vos fiches de salaire ou de pension à portée de main.

1. Allez sur **www.myminfin.be** et connectez-vous avec itsme ou eID.
2. Choisissez **Tax-on-web** / **Remplir la déclaration**.
3. Vous avez reçu une **proposition de déclaration simplifiée** ? Lisez-la. Si tout est juste, vous n’avez rien à faire.
4. Sinon : ouvrez la déclaration. Beaucoup de montants sont déjà remplis : vérifiez-les avec vos fiches.
5. Complétez ce qui manque (par exemple garde d’enfants, dons).
6. Regardez le calcul et **signez** la déclaration. Gardez l’accusé de réception.

> Attention à la date sur votre courrier. Un doute ? Le SPF Finances aide gratuitement : **02 572 57 57**.`,
      },
      en: {
        title: 'Tax return with MyMinfin (Tax-on-web)',
        body: `You need: itsme or eID with a card reader; your pay or pension slips at hand.

1. Go to **www.myminfin.be** and log in with itsme or eID.
2. Choose **Tax-on-web** / **Fill in the return**.
3. Did you get a **proposal for a simplified return**? Read it. If everything is right, you need do nothing.
4. Otherwise: open the return. Many amounts are already filled in: check them against your slips.
5. Add what is missing (for example childcare, donations).
6. Look at the calculation and **sign** the return. Keep the receipt.

> Mind the date on your letter. In doubt? The FPS Finance helps for free: **02 572 57 57**.`,
      },
    },
  },
  {
    starter: 'my_ebox',
    topics: ['government_portal'],
    texts: {
      nl: {
        title: 'Post van de overheid lezen in My eBox',
        body: `1. Ga naar **myebox.be** of open de app **My eBox**.
2. Meld aan met **itsme** of **eID**.
3. Open **Berichten**. Nieuwe berichten staan vet.
4. Tik op een bericht om het te lezen. Een document opent als PDF.
5. Wilt u het bewaren? Tik op **Downloaden** en onthoud waar het staat.
6. Zet bij **Instellingen** een e-mailadres, om te weten wanneer er nieuwe post is.

> My eBox stuurt nooit een link om te betalen of codes te geven.`,
      },
      fr: {
        title: 'Lire le courrier de l’administration dans My eBox',
        body: `1. Allez sur **myebox.be** ou ouvrez l’app **My eBox**.
2. Connectez-vous avec **itsme** ou **eID**.
3. Ouvrez **Messages**. Les nouveaux messages sont en gras.
4. Touchez un message pour le lire. Un document s’ouvre en PDF.
5. Le garder ? Touchez **Télécharger** et retenez où il se trouve.
6. Dans **Paramètres**, ajoutez une adresse e-mail pour être prévenu·e du nouveau courrier.

> My eBox n’envoie jamais de lien pour payer ou donner des codes.`,
      },
      en: {
        title: 'Reading government mail in My eBox',
        body: `1. Go to **myebox.be** or open the **My eBox** app.
2. Log in with **itsme** or **eID**.
3. Open **Messages**. New messages are in bold.
4. Tap a message to read it. A document opens as a PDF.
5. Want to keep it? Tap **Download** and remember where it is.
6. Under **Settings**, add an e-mail address to hear when new mail arrives.

> My eBox never sends a link to pay or to give codes.`,
      },
    },
  },
  {
    starter: 'health_portal',
    topics: ['health_portal'],
    texts: {
      nl: {
        title: 'Uw gezondheidsgegevens bekijken',
        body: `1. Ga naar **www.mijngezondheid.belgie.be**.
2. Meld aan met **itsme** of **eID**.
3. Kies wat u zoekt: **vaccinaties**, **medicatieschema**, **attesten**, uw **ziekenfonds**...
4. Een document bewaren of tonen? Open het en tik op **Downloaden**.
5. Meld af als u klaar bent, zeker op een gedeelde computer.

> Dit zijn persoonlijke gegevens: de helper kijkt alleen mee als de persoon dat wil.`,
      },
      fr: {
        title: 'Consulter vos données de santé',
        body: `1. Allez sur **www.masante.belgique.be**.
2. Connectez-vous avec **itsme** ou **eID**.
3. Choisissez ce que vous cherchez : **vaccinations**, **schéma de médication**, **attestations**, votre **mutualité**...
4. Garder ou montrer un document ? Ouvrez-le et touchez **Télécharger**.
5. Déconnectez-vous à la fin, surtout sur un ordinateur partagé.

> Ce sont des données personnelles : l’aidant·e ne regarde que si la personne le veut.`,
      },
      en: {
        title: 'Looking at your health data',
        body: `1. Go to **www.myhealth.belgium.be**.
2. Log in with **itsme** or **eID**.
3. Choose what you are looking for: **vaccinations**, **medication schedule**, **certificates**, your **health insurer**...
4. Keep or show a document? Open it and tap **Download**.
5. Log out when done, certainly on a shared computer.

> This is personal data: the helper only looks along if the person wants.`,
      },
    },
  },
  {
    starter: 'install_app',
    topics: ['smartphone_basics'],
    texts: {
      nl: {
        title: 'Een app veilig installeren',
        body: `1. Open **Google Play** (Android) of de **App Store** (iPhone). Nooit via een link in een sms.
2. Tik op het vergrootglas en typ de naam van de app.
3. Kijk naar de **maker** onder de naam, en naar het aantal downloads en beoordelingen.
4. Tik op **Installeren** (of **Download**). Soms vraagt de gsm uw code of vingerafdruk: typ die zelf.
5. Open de app. Vraagt ze toegang tot uw foto's, contacten of locatie? Sta alleen toe wat de app echt nodig heeft.

> Een app van de bank of de overheid is gratis. Moet u betalen? Dan is het de verkeerde.`,
      },
      fr: {
        title: 'Installer une app en sécurité',
        body: `1. Ouvrez **Google Play** (Android) ou l’**App Store** (iPhone). Jamais via un lien reçu par SMS.
2. Touchez la loupe et tapez le nom de l’app.
3. Regardez l’**éditeur** sous le nom, et le nombre de téléchargements et d’avis.
4. Touchez **Installer** (ou **Obtenir**). Parfois le téléphone demande votre code ou votre empreinte : tapez-le vous-même.
5. Ouvrez l’app. Elle demande l’accès à vos photos, contacts ou position ? N’autorisez que ce dont elle a vraiment besoin.

> L’app d’une banque ou de l’administration est gratuite. Il faut payer ? Ce n’est pas la bonne.`,
      },
      en: {
        title: 'Installing an app safely',
        body: `1. Open **Google Play** (Android) or the **App Store** (iPhone). Never through a link in a text message.
2. Tap the magnifying glass and type the name of the app.
3. Look at the **maker** under the name, and at the number of downloads and reviews.
4. Tap **Install** (or **Get**). The phone may ask for your code or fingerprint: type it yourself.
5. Open the app. Does it ask for your photos, contacts or location? Allow only what it really needs.

> A bank’s or the government’s app is free. Asked to pay? It is the wrong one.`,
      },
    },
  },
  {
    starter: 'whatsapp_video_call',
    topics: ['messaging'],
    texts: {
      nl: {
        title: 'Videobellen met WhatsApp',
        body: `1. Open **WhatsApp**.
2. Tik op het gesprek met de persoon die u wilt bellen.
3. Tik bovenaan op het **camera-icoon**.
4. De eerste keer vraagt de gsm toegang tot camera en microfoon: tik op **Toestaan**.
5. Wacht tot de ander opneemt. Houd de gsm op armlengte, met licht op uw gezicht.
6. Ophangen: tik op de **rode knop**.

> Geen wifi? Videobellen gebruikt veel mobiele data.`,
      },
      fr: {
        title: 'Faire un appel vidéo avec WhatsApp',
        body: `1. Ouvrez **WhatsApp**.
2. Touchez la conversation avec la personne à appeler.
3. En haut, touchez l’**icône de caméra**.
4. La première fois, le téléphone demande l’accès à la caméra et au micro : touchez **Autoriser**.
5. Attendez que l’autre décroche. Tenez le téléphone à bout de bras, avec de la lumière sur le visage.
6. Raccrocher : touchez le **bouton rouge**.

> Pas de wifi ? L’appel vidéo consomme beaucoup de données mobiles.`,
      },
      en: {
        title: 'Video calling with WhatsApp',
        body: `1. Open **WhatsApp**.
2. Tap the chat with the person you want to call.
3. At the top, tap the **camera icon**.
4. The first time, the phone asks for the camera and microphone: tap **Allow**.
5. Wait for the other person to answer. Hold the phone at arm’s length, with light on your face.
6. To hang up: tap the **red button**.

> No wifi? Video calls use a lot of mobile data.`,
      },
    },
  },
  {
    starter: 'find_download',
    topics: ['computer_basics'],
    texts: {
      nl: {
        title: 'Een gedownload bestand terugvinden',
        body: `1. Klik op de link of knop **Downloaden**. Onderaan of rechtsboven in de browser verschijnt het bestand.
2. Klik erop om het te openen, of op **Openen in map**.
3. Later terugvinden: open de **Verkenner** (Windows: het mapje in de taakbalk) of **Finder** (Mac).
4. Klik links op **Downloads**. Het nieuwste bestand staat meestal bovenaan.
5. Geef het een duidelijke naam: rechtsklik, **Naam wijzigen**, bijvoorbeeld "Attest ziekenfonds 2026".

> Een bestand eindigt op .exe of .zip terwijl u een brief verwachtte? Niet openen.`,
      },
      fr: {
        title: 'Retrouver un fichier téléchargé',
        body: `1. Cliquez sur le lien ou le bouton **Télécharger**. Le fichier apparaît en bas ou en haut à droite du navigateur.
2. Cliquez dessus pour l’ouvrir, ou sur **Afficher dans le dossier**.
3. Le retrouver plus tard : ouvrez l’**Explorateur de fichiers** (Windows : le dossier dans la barre des tâches) ou le **Finder** (Mac).
4. Cliquez à gauche sur **Téléchargements**. Le fichier le plus récent est souvent en haut.
5. Donnez-lui un nom clair : clic droit, **Renommer**, par exemple « Attestation mutuelle 2026 ».

> Le fichier finit par .exe ou .zip alors que vous attendiez une lettre ? Ne l’ouvrez pas.`,
      },
      en: {
        title: 'Finding a downloaded file',
        body: `1. Click the **Download** link or button. The file shows at the bottom or top right of the browser.
2. Click it to open it, or click **Show in folder**.
3. To find it later: open **File Explorer** (Windows: the folder in the taskbar) or **Finder** (Mac).
4. Click **Downloads** on the left. The newest file is usually at the top.
5. Give it a clear name: right-click, **Rename**, for example "Health insurer certificate 2026".

> The file ends in .exe or .zip when you expected a letter? Do not open it.`,
      },
    },
  },
];
