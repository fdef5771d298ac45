"""Word lists, templates and the hand-written demo set behind `journal.fiction`.

Everything here is fiction. The names are ordinary French names of mixed origins, combined at
random; the places, social landlords and schools are invented (national bodies such as the
CAF, the CPAM or the Restos du cœur keep their real names, as in any worker's notes).

The data is kept as plain text blocks so that it reads like what it imitates, and can be
edited by someone who writes French rather than Python:

* lists: items separated by commas; variants of one item separated by `|`;
* `TEMPLATES`: `# section` headings, then one template per paragraph (blank line between
  two templates; a long template may wrap over several lines). `{slots}` are filled by
  `journal.fiction`; `{e}` is the feminine ending, `{il}`/`{Il}` the pronoun, and so on;
* `DEMO`: `= Name` starts a person, the lines up to the first `@` are the profile, then
  `@ -6/03/14` (years before the anchor year / month / day) or `@ J-61` (days before
  today) starts a note. A blank line inside a note separates two paragraphs.

The administrative words Dentelle never uses about a person (the list is in
tests/journal/test_fiction.py) must not appear anywhere here: the tests check every string.
"""

from __future__ import annotations

FEMININE_FIRST_NAMES = """
Marie, Nathalie, Isabelle, Sylvie, Catherine, Christine, Sandrine, Valérie, Céline, Aurélie,
Julie, Camille, Léa, Manon, Chloé, Sarah, Laura, Émilie, Audrey, Stéphanie, Karine, Virginie,
Mélanie, Jessica, Océane, Lucie, Pauline, Élodie, Amandine, Josiane, Monique, Jeanne, Simone,
Yvette, Colette, Chantal, Francine, Gisèle, Mireille, Nadège, Rose-Marie, Fatima, Khadija,
Samia, Nadia, Leïla, Yasmina, Malika, Houria, Farida, Soraya, Amina, Zineb, Sabrina, Naïma,
Aïcha, Djamila, Rania, Mariam, Fatoumata, Aminata, Awa, Kadiatou, Binta, Rokia, Hawa, Ana,
Maria, Sofia, Catarina, Elif, Zeynep, Ayşe, Thi Lan, Linh, Mai, Ioana, Elena, Natalia,
Kateryna, Anaïs, Jocelyne
"""

MASCULINE_FIRST_NAMES = """
Jean, Pierre, Michel, Alain, Philippe, Patrick, Christophe, Stéphane, Frédéric, Laurent,
Sébastien, Nicolas, Julien, Thomas, Kévin, Anthony, Jérémy, Maxime, Romain, Lucas, Hugo,
Dylan, Bernard, Gérard, Daniel, René, Marcel, Claude, Didier, Thierry, Pascal, Franck,
Ludovic, Grégory, Fabrice, Mathieu, Jean-Claude, Jean-Luc, Mohamed, Ahmed, Karim, Rachid,
Mourad, Nordine, Samir, Youssef, Bilal, Mehdi, Hakim, Sofiane, Abdelkader, Ali, Moussa,
Mamadou, Ousmane, Ibrahima, Amadou, Seydou, Boubacar, Issa, Cheikh, João, Manuel, Carlos,
Paulo, Mehmet, Mustafa, Emre, Hüseyin, Minh, Duc, Bogdan, Andrei, Vasile, Dmitri, Wilfried,
Jean-Baptiste, Yannick, Olivier, Gaston
"""

LAST_NAMES = """
Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon,
Michel, Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont,
Lambert, Fontaine, Rousseau, Vincent, Muller, Lefèvre, Faure, André, Mercier, Blanc, Guérin,
Boyer, Garnier, Chevalier, François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément,
Morin, Henry, Roussel, Mathieu, Masson, Marchand, Duval, Denis, Dumont, Lemaire, Noël, Meyer,
Dufour, Meunier, Brun, Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier,
Arnaud, Martinez, Roche, Renard, Schmitt, Leroux, Colin, Vidal, Caron, Picard, Fabre, Aubert,
Lemoine, Renaud, Dumas, Lacroix, Olivier, Bourgeois, Benoît, Leclerc, Payet, Hoarau, Grondin,
Le Gall, Le Goff, Benali, Haddad, Mansouri, Bouzid, Cherif, Belkacem, Amrani, Benmoussa,
Hamidi, Saïdi, Khelifi, Mebarki, Rahmani, Touati, Bensaïd, El Idrissi, Ouali, Diallo,
Traoré, Diarra, Keïta, Koné, Camara, Sissoko, Coulibaly, Sow, Ndiaye, Diop, Fofana, Konaté,
Cissé, Ferreira, Da Silva, Dos Santos, Pereira, Rodrigues, Gonçalves, Fernandes, Lopes,
Teixeira, Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Nguyen, Tran, Pham, Vo, Popescu,
Kowalski, Nowak, Marković, Rossi, Sanchez, Romero, Rakotomalala, Jean-Louis, Joseph,
Pierre-Louis, Saint-Fleur, Manoukian, Zerbib, Mendy
"""

CHILD_NAMES_FEMININE = """
Lina, Inès, Jade, Louise, Emma, Léa, Chloé, Sarah, Yasmine, Maëlys, Nour, Aya, Fatou, Mariam,
Rose, Alice, Zoé, Lou, Ambre, Anaïs, Elif, Lana, Kenza, Assia, Maïssa, Jasmine, Lucie, Mila
"""

CHILD_NAMES_MASCULINE = """
Adam, Noah, Lucas, Gabriel, Nathan, Rayan, Ibrahim, Yanis, Ilyes, Mohamed, Moussa, Ethan,
Enzo, Léo, Hugo, Théo, Sacha, Kylian, Issa, Amir, Can, Nolan, Mathis, Tom, Mamadou, Aylan
"""

# Where the worker holds a drop-in session; always read after "à".
PERMANENCES = """
la permanence du CCAS, la permanence du centre social Aimé-Césaire, la maison des
solidarités, l'espace France services, la permanence de la mairie annexe, la permanence du
centre social Louise-Michel, la permanence du centre social des Tilleuls
"""

# Neighbourhoods: the name | the same after "à".
QUARTIERS = """
les Glycines | aux Glycines, les Tilleuls | aux Tilleuls, la Croix-Blanche | à la
Croix-Blanche, le Moulin | au Moulin, les Aubépines | aux Aubépines, le Vieux-Bourg | au
Vieux-Bourg, la Source | à la Source, le Champ-de-Foire | au Champ-de-Foire, les Peupliers |
aux Peupliers, le Clos-Fleuri | au Clos-Fleuri, Bellevue | à Bellevue, les Hauts-du-Lac | aux
Hauts-du-Lac, la Garenne | à la Garenne
"""

STREETS = """
rue des Lilas, allée Jean-Jaurès, avenue de la République, rue Victor-Hugo, rue Pablo-Neruda,
impasse des Tanneurs, chemin du Lavoir, rue Jules-Ferry, boulevard Gambetta, rue
Lucie-Aubrac, rue Olympe-de-Gouges, allée des Mimosas, rue du Moulin-Vert, rue
Frédéric-Mistral,
place du Marché, rue des Tisserands, avenue Salvador-Allende, rue de la Fontaine
"""

FLOORS = """
premier étage, deuxième étage, troisième étage, quatrième étage, cinquième
étage, septième étage, neuvième étage
"""

HOUSING_TYPES = "studio, T1, T2, T3, T4, T2 en rez-de-chaussée, petit T3, T3 en duplex"

# Invented social landlords.
BAILLEURS = """
Habitat des Coteaux, Logis du Val, Toits de la Vallée, Habitat Confluence, Résidences du
Bocage, Val de Seille Habitat, Foyer des Trois Rivières, Habitat du Grand Pré
"""

SCHOOLS = """
Jacques-Prévert, Jules-Ferry, des Tilleuls, Marie-Curie, Louise-Michel, Paul-Éluard,
Condorcet, Saint-Exupéry, Jean-de-La-Fontaine, des Aubépines
"""

COLLEGES = """
Jean-Moulin, Victor-Hugo, Simone-Veil, Albert-Camus, Pierre-Brossolette, Gisèle-Halimi,
Aimé-Césaire
"""

# Energy suppliers: the name | after "de".
ENERGY_SUPPLIERS = """
EDF | d'EDF, Engie | d'Engie, TotalEnergies | de TotalEnergies, le fournisseur d'électricité |
du fournisseur d'électricité
"""

# Partners: the name | after "de" | after "à".
PARTNERS = """
le CCAS | du CCAS | au CCAS, la PMI | de la PMI | à la PMI, la CAF | de la CAF | à la CAF,
la CPAM | de la CPAM | à la CPAM, la mission locale | de la mission locale | à la mission
locale, France Travail | de France Travail | à France Travail, le point justice | du point
justice | au point justice, la MDPH | de la MDPH | à la MDPH, le CMP | du CMP | au CMP, la
maison de santé | de la maison de santé | à la maison de santé, l'ADIL | de l'ADIL | à
l'ADIL, le SIAO | du SIAO | au SIAO, l'espace France services | de l'espace France services
| à l'espace France services, l'assistante sociale de secteur | de l'assistante sociale de
secteur | à l'assistante sociale de secteur, le bailleur | du bailleur | au bailleur, le
centre social | du centre social | au centre social
"""

# Food and material help: the name | after "de" | after "à".
ASSOCIATIONS = """
les Restos du cœur | des Restos du cœur | aux Restos du cœur, le Secours populaire | du
Secours populaire | au Secours populaire, le Secours catholique | du Secours catholique | au
Secours catholique, l'épicerie solidaire | de l'épicerie solidaire | à l'épicerie solidaire,
la banque alimentaire | de la banque alimentaire | à la banque alimentaire, la Croix-Rouge |
de la Croix-Rouge | à la Croix-Rouge
"""

# Where the worker goes along with the person (read after "Accompagnement de X").
ACCOMPANIMENTS = """
à l'accueil de la CAF, à la CPAM, à la préfecture, au tribunal judiciaire, à la banque, à
l'agence France Travail, à l'hôpital, au centre des finances publiques, à la mairie, chez le
bailleur, à la mission locale
"""

# Where someone grew up, read after "né" or "son enfance": in France, then abroad.
ORIGINS_FRANCE = """
à Lille, à Marseille, au Havre, à Saint-Étienne, à Roubaix, à Brest, à Lyon, à Limoges, à Metz,
à Pointe-à-Pitre, à Fort-de-France, à Saint-Denis de La Réunion, à Mayotte, à Cayenne, dans un
village du Cantal, dans un village de Bretagne, dans un village des Ardennes, en banlieue
parisienne
"""

ORIGINS_ABROAD = """
à Oran, à Constantine, à Casablanca, à Tunis, à Bamako, à Kayes, à Dakar, à Abidjan, à
Kinshasa, à Brazzaville, à Porto, à Guimarães, à Izmir, à Hanoï, à Iași, à Port-au-Prince, à
Moroni, à Kharkiv, à Tananarive, à Conakry, à Tirana, à Kaboul
"""

RELATIVES = """
sa sœur, son frère, sa mère, son père, sa grand-mère, sa belle-sœur, son beau-frère, son
cousin, sa cousine, une amie d'enfance, un ancien collègue, sa tante, son oncle, une voisine
"""

# Pastimes: the name | after "de".
PASSIONS = """
la cuisine | de la cuisine, le jardinage | du jardinage, la couture | de la couture, la pêche |
de la pêche, le football | du football, la lecture | de la lecture, la musique | de la musique,
les mots croisés | des mots croisés, la marche | de la marche, le tricot | du tricot, la
photographie | de la photographie, le dessin | du dessin, la danse | de la danse, les cartes |
des cartes
"""

# Jobs: masculine | feminine.
JOBS = """
cuisinier | cuisinière, caissier | caissière, aide-soignant | aide-soignante, vendeur |
vendeuse, agent d'entretien | agente d'entretien, manutentionnaire | manutentionnaire, aide à
domicile | aide à domicile, serveur | serveuse, préparateur de commandes | préparatrice de
commandes, agent de sécurité | agente de sécurité, couturier | couturière, jardinier |
jardinière, employé de mairie | employée de mairie, chauffeur-livreur | chauffeuse-livreuse,
ouvrier du bâtiment | ouvrière du bâtiment, boulanger | boulangère, auxiliaire de vie |
auxiliaire de vie, plongeur en restauration | plongeuse en restauration
"""

# School years, from age 3 to age 17 (one a year).
SCHOOL_CLASSES = """
petite section, moyenne section, grande section, CP, CE1, CE2, CM1, CM2, sixième, cinquième,
quatrième, troisième, seconde, première, terminale
"""

# Spoken dates and durations.
WEEKDAYS = "lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche"

MONTHS = """
janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre
"""

# Read after "depuis", "dans", "il y a", "pendant".
DELAYS = """
une semaine, quinze jours, trois semaines, un mois, six semaines, deux mois, trois mois, quatre
mois, six mois, huit mois, un an, plusieurs mois
"""

HOURS = "9 h, 9 h 30, 10 h, 10 h 30, 11 h, 14 h, 14 h 30, 15 h, 16 h"

MONTH_COUNTS = "trois, quatre, six, huit, dix, douze"

TEMPLATES = """
# opener
[bureau] Rencontre à {permanence}.

[bureau] Rencontre à {permanence}, sans rendez-vous, en fin de matinée.

[bureau] {ref} est passé{e} à {permanence} sans rendez-vous, avec une pochette de courriers
sous le bras.

[visite] Visite à domicile, {adresse}.

[visite] Visite à domicile, {adresse}, à la demande {de_ref}.

[visite] Visite à domicile, {adresse}, comme convenu lors de notre dernier échange.

[distance] Appel {de_ref} ce matin.

[distance] Appel {de_ref} en début d'après-midi, depuis le téléphone d'une voisine.

[distance] Appel {de_ref}, un peu avant la fermeture du service.

[bureau] Rendez-vous au bureau à {heure}, fixé lors de notre dernière rencontre.

[bureau] Rendez-vous au bureau avec {ref}, arrivé{e} en avance.

[bureau] Accompagnement {de_ref} {accomp}, comme convenu.

[distance] Message {de_ref} sur le répondeur ; je {la} rappelle dans l'après-midi.

[distance] Appel {du_partenaire} au sujet {de_ref}, avec son accord.

[distance] Rencontre avec {ref} au marché, {au_quartier} ; nous avons pris un moment sur un
banc pour parler.

[distance] Rendez-vous téléphonique avec {ref}, qui a décroché à l'heure dite.

[distance] Courriel {de_ref}, suivi d'un appel pour en parler de vive voix.

[bureau] Rendez-vous au bureau. {ref} était venu{e} avec {proche}, qui a attendu dans la salle
d'accueil.

# closing
Prochain rendez-vous {date_rdv} à {heure}.

Nous nous revoyons {date_rdv}.

Je {la} rappelle {jour} pour faire le point.

Pas de prochain rendez-vous fixé ; {ref} sait qu'{il} peut revenir à la permanence quand {il}
le souhaite.

{Il} me rappelle dès qu'{il} a la réponse.

Prochaine visite à domicile prévue {date_rdv}.

Je relance {partenaire} en fin de semaine et je tiens {ref} au courant.

Nous avons noté ensemble dans son agenda ce qui reste à faire avant {date_rdv}.

{Il} est reparti{e} avec la liste des pièces à rassembler ; nous les regarderons ensemble
{date_rdv}.

Rien d'autre pour aujourd'hui ; je reste joignable par téléphone.

Je passerai {la} voir {date_rdv}, si cela lui convient toujours.

Nous ferons le point {date_rdv} sur l'ensemble des démarches.

Prochain rendez-vous {date_rdv} ; {il} m'enverra un message si quelque chose change d'ici là.

# logement
Nous avons fait le point sur le logement. {ref} paie un loyer de {loyer} charges comprises et
touche {apl} d'APL. Le reste à charge est lourd, mais {il} tient à garder ce logement, proche
{de_proche} et de ses habitudes.

La demande de logement social n'avait pas été renouvelée depuis deux ans. Nous l'avons
renouvelée ensemble en ligne, en ajoutant les derniers justificatifs de ressources. {Il} a noté
le numéro unique dans son carnet.

{bailleur} a envoyé un courrier au sujet d'une dette de loyer de {dette}. Nous avons relu le
décompte ligne par ligne. Une partie correspond à des mois où l'APL avait été suspendue ; j'ai
appelé la CAF pour comprendre ce qui bloquait.

Nous avons rédigé ensemble une proposition de plan d'apurement à {bailleur} : {mensualite} par
mois en plus du loyer. {ref} préférait un montant modeste mais tenable plutôt qu'un engagement
trop lourd.

[visite] {ref} m'a montré les traces d'humidité dans la chambre et autour des fenêtres. Nous
avons pris des photos avec son accord et écrit au bailleur pour demander une visite technique.
J'ai aussi signalé la situation au service d'hygiène de la mairie.

Le logement est au {etage}, et les escaliers deviennent difficiles. Nous avons parlé d'une
demande de mutation vers un rez-de-chaussée ; {il} veut y réfléchir, car {il} connaît bien ses
voisins.

La commission d'attribution {de_bailleur} a retenu la candidature {de_ref} en deuxième rang.
Rien n'est acquis, je le lui ai dit clairement. {Il} préfère garder espoir sans trop y penser.

Nous avons préparé une demande au fonds de solidarité logement pour le dépôt de garantie et le
premier mois de loyer, soit {aide}. Le dossier part cette semaine avec la note sociale.

{ref} a reçu un commandement de payer. Je lui ai expliqué les étapes de la procédure et les
délais, sans minimiser ni dramatiser. Nous avons pris rendez-vous à l'ADIL pour vérifier ses
droits, et j'ai prévenu le bailleur qu'une solution était recherchée.

Le chauffe-eau est en panne depuis {delai}. {ref} fait chauffer de l'eau dans des casseroles
pour la toilette. J'ai appelé {bailleur}, qui promet l'intervention d'un technicien avant la
fin de la semaine.

Nous avons parlé de l'assurance habitation, résiliée faute de paiement il y a quelques mois.
Nous avons comparé deux devis ; {il} a choisi celui à {mensualite} par mois et l'a souscrit en
ligne pendant le rendez-vous.

La demande au SIAO est toujours en attente. J'ai relancé par courriel en rappelant la situation
d'hébergement chez {proche}, possible encore {delai} au plus.

{ref} est hébergé{e} chez {proche} depuis {delai}. Tout se passe bien, mais l'appartement est
petit et le bail n'est pas à son nom. Nous avons fait la demande de domiciliation au CCAS pour
que son courrier ne se perde plus.

Le recours DALO a été déposé {date_passee}. {ref} voulait savoir ce que cela change
concrètement ; je lui ai expliqué les délais de la commission de médiation et ce qui se passe
si le recours est reconnu prioritaire et urgent.

Le bailleur propose un échange de logement avec une famille du même immeuble qui cherche plus
petit. {ref} a visité l'appartement avec moi : plus clair, une chambre de plus, le même loyer à
quelques euros près.

# energie
Facture d'électricité de régularisation de {facture}. {ref} ne comprenait pas d'où venait un
tel montant. Nous avons regardé ensemble les relevés : la consommation était estimée depuis
plus d'un an, jamais relevée.

[face] Nous avons appelé ensemble {fournisseur}. Un échéancier de {mensualite} par mois sur
{nb_mois} mois a été accepté, et la mensualité courante ajustée. {Il} a noté le nom de la
conseillère et la date de l'appel.

Le chèque énergie n'avait pas été utilisé cette année : il était resté dans une pile de
courriers. Nous l'avons affecté en ligne à la facture d'électricité, ce qui réduit la dette
d'environ {petit_montant}.

La puissance électrique a été réduite après deux impayés. {ref} ne peut plus faire tourner la
machine à laver et le chauffage en même temps. J'ai fait une demande d'aide au FSL énergie avec
une note sociale, et appelé {fournisseur} pour demander le rétablissement pendant
l'instruction.

{ref} chauffe l'appartement avec un petit radiateur d'appoint, le chauffage collectif étant
souvent en panne. Nous avons parlé des risques et du coût, et j'ai écrit au bailleur pour
signaler les pannes répétées.

Nous avons relu ensemble le contrat d'énergie signé lors d'un démarchage à domicile : il est
nettement plus cher que l'offre précédente. {Il} a souhaité en changer ; nous l'avons fait
ensemble, sans frais, en une vingtaine de minutes.

Un conseiller de l'espace conseil énergie est passé avec {ref} pour un diagnostic : fenêtres
mal jointes, ampoules anciennes, réfrigérateur très gourmand. Il a laissé un kit d'économies
d'énergie ; {ref} a déjà posé les joints.

Relance {du_fournisseur} pour un impayé de {facture}. {ref} avait pourtant payé en espèces au
bureau de poste ; nous avons retrouvé le reçu dans son classeur et je l'ai transmis au service
client par courriel.

Demande d'aide au CCAS pour la facture d'électricité, à hauteur de {aide}. La commission se
réunit {date_rdv}. En attendant, le fournisseur a suspendu les relances.

Nous avons calculé ensemble le budget énergie de l'année : près de {facture} pour l'électricité
seule. {ref} éteint déjà le chauffage dans la chambre la journée et fait sécher le linge dehors
quand il fait beau.

La facture d'eau comprend un rappel de charges sur deux ans. J'ai demandé le détail au bailleur
; {ref} préfère attendre la réponse avant de payer quoi que ce soit.

# caf
La CAF a suspendu les allocations en attendant un justificatif de ressources. Nous avons
retrouvé le document dans ses courriels et l'avons déposé sur l'espace en ligne. {ref} a gardé
une capture d'écran de la confirmation.

[actif] Déclaration trimestrielle de ressources faite ensemble pour le RSA. {Il} connaît
maintenant les étapes et voudrait essayer {lui_meme} la prochaine fois ; je lui ai noté les
rubriques une par une.

Courrier de la CAF réclamant un trop-perçu de {dette}. Nous avons vérifié les montants : une
erreur dans les salaires déclarés par l'ancien employeur semble en cause. Nous avons rédigé
ensemble une demande de remise de dette, avec les fiches de paie en pièce jointe.

[actif] Simulation de la prime d'activité faite ensemble sur le site de la CAF : environ {apl}
par mois. {ref} ne pensait pas y avoir droit avec un temps partiel. Nous avons fait la demande
dans la foulée.

[actif] L'APL a baissé de {petit_montant} ce mois-ci. Nous avons regardé ensemble le détail du
calcul : les ressources prises en compte sont celles des douze derniers mois, y compris la
période où {il} travaillait à temps plein.

Rendez-vous pris à l'accueil de la CAF pour {date_rdv}, car la situation ne se débloque pas en
ligne. J'ai rédigé une note de synthèse qu'{il} pourra présenter au guichet.

Changement de situation déclaré à la CAF : {ref} vit désormais seul{e}. Nous avons vérifié
ensemble que le nouveau calcul prendrait effet le mois suivant.

La CAF demande une attestation de loyer signée par le bailleur. {bailleur} ne répondait pas aux
courriels ; j'ai appelé directement l'agence de proximité, qui l'envoie cette semaine.

[actif] Le versement du RSA a été interrompu faute de déclaration trimestrielle : le courrier
de rappel était parti à l'ancienne adresse. Nous avons fait la déclaration ensemble, et les
droits ont été rétablis le jour même, avec un rappel de {aide}.

# budget
Nous avons fait ensemble le budget du mois. Une fois le loyer, l'électricité, l'assurance et le
téléphone payés, il reste environ {budget_jour} par jour pour vivre. {ref} m'a dit qu'{il} s'en
sort en allant au marché en fin de matinée, quand les prix baissent.

Orientation vers {association} pour l'aide alimentaire. J'ai rempli la fiche de liaison avec
{ref} ; {il} peut y aller dès {jour}.

{ref} voulait parler de ses abonnements : deux contrats de téléphone, dont un qu'{il} n'utilise
plus depuis {delai}. Nous avons fait la résiliation ensemble par courrier recommandé.

Le compte bancaire est à découvert et les frais s'accumulent : près de {petit_montant} le mois
dernier. Nous avons demandé à la banque l'offre clientèle fragile, qui plafonne les frais.
Rendez-vous avec la conseillère bancaire {date_rdv}.

Nous avons parlé d'un dossier de surendettement. {ref} a trois crédits à la consommation, pris
pour faire face au quotidien. Je lui ai expliqué la procédure auprès de la Banque de France ;
{il} veut en parler à {proche} avant de décider.

Demande d'aide financière ponctuelle au CCAS pour les courses du mois : {aide} en bons d'achat.
{ref} trouvait difficile de demander ; nous avons pris le temps d'en parler.

{ref} fait ses courses à l'épicerie solidaire, {au_quartier}, où {il} paie environ un tiers des
prix habituels. {Il} y donne aussi un coup de main le samedi matin, ce qui lui plaît beaucoup.

La banque a rejeté deux prélèvements, avec des frais à chaque fois. Nous avons établi ensemble
un calendrier pour que les prélèvements tombent après le versement des allocations, et {il} a
appelé chaque organisme pour changer les dates.

{ref} a reçu un courrier d'un organisme de recouvrement pour une vieille dette de téléphone de
{petit_montant}. Nous avons vérifié ensemble : la dette est ancienne et les frais ajoutés ne
sont pas dus. J'ai aidé {ref} à rédiger la réponse.

# sante
{ref} n'a plus de médecin traitant depuis le départ à la retraite du sien. Nous avons appelé
ensemble trois cabinets ; la maison de santé, {au_quartier}, accepte de nouveaux patients.
Premier rendez-vous {date_rdv}.

La complémentaire santé solidaire arrive à échéance le mois prochain. Nous avons fait le
renouvellement en ligne ensemble ; {ref} a reçu l'accusé de réception tout de suite.

{ref} a mal au dos depuis {delai} et repoussait le rendez-vous chez le médecin, par crainte de
devoir avancer les frais. Je lui ai rappelé qu'avec la complémentaire santé solidaire, il n'y a
rien à avancer. {Il} a pris rendez-vous avec {medecin}.

Nous avons parlé de la fatigue et du sommeil. {ref} dit que les soucis d'argent l'empêchent de
dormir. Je lui ai proposé les coordonnées du CMP ; {il} les a notées, sans décider pour
l'instant.

{ref} a été hospitalisé{e} pendant {delai}. À la sortie, {il} a eu besoin d'aide pour les
courses ; le CCAS a mis en place le portage de repas pour deux semaines.

[face] La carte Vitale a été perdue lors du déménagement. Nous avons fait la déclaration de
perte et la demande de nouvelle carte sur le compte ameli, avec une photo prise au bureau.

{ref} a besoin de lunettes depuis longtemps. Avec la complémentaire santé solidaire, une
monture et des verres sont pris en charge ; nous avons cherché ensemble un opticien qui propose
l'offre sans reste à charge.

Le rendez-vous chez le dentiste a été reporté deux fois faute de moyens pour le transport. J'ai
fait une demande de bons de transport au CCAS pour les prochains rendez-vous.

{Medecin} a rempli le certificat médical pour la MDPH. Nous avons rempli ensemble le
formulaire, en particulier la partie sur le projet de vie : {ref} a tenu à l'écrire avec ses
propres mots.

[actif] Les indemnités journalières de l'arrêt maladie ont été versées avec un mois de
décalage, l'employeur ayant tardé à envoyer l'attestation de salaire. {ref} a pu régulariser le
loyer dès le versement.

# papiers
[face etranger] Renouvellement du titre de séjour : la demande se fait désormais en ligne. Nous
avons scanné ensemble les justificatifs et déposé la demande. {ref} a reçu l'attestation de
prolongation d'instruction, qu'{il} a imprimée en deux exemplaires.

Nous avons fait la déclaration de revenus ensemble sur le site des impôts. {ref} n'est pas
imposable, mais l'avis est indispensable pour la CAF, le logement social et les tarifs de la
mairie.

Demande de carte d'identité : le rendez-vous à la mairie est dans {delai}. J'ai préparé avec
{ref} la liste des pièces et vérifié que la photo était conforme.

[face] Tri des papiers avec {ref}, qui avait apporté deux sacs de courriers. Nous avons fait
trois piles : urgent, à classer, à jeter. Je lui ai laissé un classeur avec des intercalaires :
CAF, santé, logement, banque, impôts.

{ref} n'arrivait plus à se connecter à son espace en ligne : mot de passe perdu et adresse
électronique plus utilisée. Nous avons créé une nouvelle adresse et récupéré les accès un par
un. {Il} a tout noté dans un carnet qu'{il} garde chez {lui}.

Accompagnement à l'espace France services pour une démarche auprès de la caisse de retraite. La
conseillère a été très patiente ; {ref} est reparti{e} en sachant refaire la démarche.

Demande d'aide juridictionnelle préparée ensemble. J'ai orienté {ref} vers le point justice
pour un premier conseil gratuit, {date_rdv}.

[etranger] Courrier de la préfecture demandant un justificatif de domicile récent, pour le
renouvellement du titre de séjour. La domiciliation au CCAS fait foi ; j'ai imprimé
l'attestation et nous l'avons envoyée ensemble.

Nous avons fait la demande d'acte de naissance en ligne, nécessaire pour le dossier
{du_partenaire}. {ref} est né{e} {ville_origine} ; la réponse prend quelques semaines.

Avis d'impôt local reçu par erreur : {ref} est exonéré{e} mais l'exonération n'avait pas été
appliquée. Nous avons écrit ensemble au centre des finances publiques, avec l'attestation de la
CAF.

# emploi
{ref} travaille comme {metier} à temps partiel, avec des horaires coupés. Nous avons parlé de
la fatigue des trajets et de ce qu'{il} pourrait demander à son employeur.

Rendez-vous avec la conseillère France Travail {date_passee} : elle propose une formation
qualifiante de six mois. {ref} est partant{e} mais s'inquiète pour ses revenus pendant la
formation ; nous avons regardé ensemble la rémunération prévue.

Mise à jour du CV ensemble : {ref} a une longue expérience {de_metier} qu'{il} ne mettait pas
en avant. Nous avons écrit les compétences avec ses propres mots.

{ref} a repris un travail {de_metier} en intérim. Nous avons déclaré la reprise d'activité à la
CAF et à France Travail pour éviter un trop-perçu dans quelques mois.

Entretien d'embauche {date_rdv} dans une entreprise de nettoyage. Nous avons préparé ensemble
les réponses aux questions habituelles ; {il} sait déjà ce qu'{il} mettra.

Licenciement économique annoncé dans l'entreprise. {ref} voulait comprendre ses droits ; je
l'ai orienté{e} vers une permanence syndicale et le point justice, et nous avons listé les
documents à garder.

{ref} envisage une validation des acquis de l'expérience pour son métier {de_metier}. Nous
avons cherché ensemble le point d'information le plus proche et pris un premier rendez-vous.

Atelier d'informatique au centre social, le mardi matin : {ref} y va depuis {delai}. {Il} sait
maintenant envoyer une pièce jointe et faire ses démarches depuis son téléphone.

Arrêt de travail depuis {delai}. L'employeur envisage un licenciement pour inaptitude ; nous
avons pris rendez-vous avec le médecin du travail et un service d'accompagnement au maintien
dans l'emploi.

# jeunesse
Rendez-vous à la mission locale avec {ref}, qui voulait que je l'accompagne la première fois.
{Il} a signé le contrat d'engagement jeune ; l'allocation l'aidera à tenir pendant la
formation.

{ref} cherche une chambre en foyer de jeunes travailleurs. Nous avons rempli ensemble deux
demandes et appelé le FJT du centre-ville, qui aura peut-être une place dans {delai}.

{ref} a quitté le domicile de ses parents après des tensions répétées. {Il} dort chez des amis,
à tour de rôle. Nous avons fait une demande au SIAO et une demande au fonds d'aide aux jeunes.

Nous avons parlé du permis de conduire, indispensable pour les offres qui l'intéressent. La
mission locale peut en financer une partie ; {ref} a rendez-vous avec sa conseillère
{date_rdv}.

{ref} suit une formation en alternance et vit de son salaire d'apprenti{e}. Nous avons fait la
demande d'APL pour son studio et vérifié ses droits à la prime d'activité.

# retraite
Préparation du départ à la retraite : nous avons consulté ensemble le relevé de carrière. Deux
années manquent, quand {ref} travaillait comme {metier} dans une petite entreprise aujourd'hui
fermée. {Il} a retrouvé les fiches de paie dans une boîte à chaussures.

Demande d'APA préparée avec {ref} et {proche}, au téléphone en haut-parleur. L'évaluatrice du
Département viendra {date_rdv}.

Installation de la téléassistance. {ref} a accepté « pour rassurer la famille » et porte le
bracelet au poignet ; nous avons fait un essai ensemble.

Le portage de repas a commencé : cinq repas par semaine, {petit_montant} par mois après l'aide
du CCAS. {ref} trouve que la soupe manque de sel, mais que c'est « bien pratique ».

Demande d'allocation de solidarité aux personnes âgées faite ensemble : la retraite {de_ref}
est de {pension} par mois. La caisse répondra dans quelques semaines.

La pension de réversion n'avait jamais été demandée depuis le décès du conjoint {de_ref}. Nous
avons fait la demande unique en ligne pour tous les régimes.

# histoire
{ref} m'a parlé de son enfance {ville_origine}, de la maison de ses grands-parents et des étés
passés dehors jusqu'à la nuit. {Il} en parle avec beaucoup de douceur.

Nous avons pris le temps de parler de son histoire. {ref} est arrivé{e} dans la région en
{annee}, avec une valise et l'adresse d'un cousin. {Il} a d'abord travaillé comme {metier},
puis a enchaîné les contrats courts.

{ref} a évoqué le décès {de_proche}, il y a {delai}. {Il} n'avait pas pu assister aux obsèques.
Je l'ai surtout écouté{e}.

[face] {ref} m'a montré des photos de famille sur son téléphone : un mariage, des enfants sur
une plage, {proche} qui rit. Chaque photo avait son histoire.

{ref} a raconté ses années de travail comme {metier}, les collègues, les horaires de nuit, la
fierté d'avoir toujours payé son loyer. {Il} dit que les papiers d'aujourd'hui lui font plus
peur que le travail d'hier.

{ref} garde contact avec {proche} par des appels vidéo le dimanche. Ces appels comptent
beaucoup pour {lui}.

{ref} a repris contact avec {proche}, après plusieurs années de silence. {Il} m'a dit que
c'était « comme si on s'était quittés la veille ».

{ref} m'a parlé de sa passion pour {passion}. {Il} dit que cela {la} tient debout les jours
difficiles.

Nous avons reparlé de {annee}, l'année où tout a basculé pour {ref} : la perte du travail, puis
du logement. {Il} raconte cette période posément, avec beaucoup de précision.

{ref} m'a demandé si je me souvenais de notre première rencontre. Nous avons parlé de tout ce
qui a changé depuis, et de ce qui reste difficile.

[face] {ref} m'a lu un texte qu'{il} a écrit sur son enfance {ville_origine}. {Il} aimerait le
lire à l'atelier d'écriture du centre social.

# quotidien
{ref} dit se sentir plus serein{e} depuis quelques semaines. {Il} a repris ses promenades le
matin avec une voisine.

[visite] {ref} m'a proposé un café. Nous avons parlé des voisins, de la fête de l'immeuble et
du nouveau boulanger de la place.

{ref} se dit fatigué{e} en ce moment et a du mal à faire face à tous les courriers. Nous avons
décidé de traiter une seule chose aujourd'hui : le courrier le plus urgent.

{ref} a parlé de sa solitude, surtout le week-end. Je lui ai présenté le café solidaire du
centre social et les sorties organisées par le CCAS ; {il} a pris le programme.

{ref} a fêté son anniversaire la semaine dernière avec {proche}. {Il} m'a montré le gâteau en
photo.

Nous avons surtout parlé de ce qui va bien : les voisins, la famille, les projets de l'été.
{ref} tenait aussi à ce moment-là.

{ref} s'inquiète pour {proche}, malade depuis {delai}. {Il} fait les trajets jusqu'à l'hôpital
deux fois par semaine. Nous avons parlé de ce qui pourrait l'aider, {lui}, à souffler.

[face] {ref} a un nouveau téléphone, offert par {proche}. Nous avons installé ensemble les
applications de la CAF et d'ameli, et {il} s'est entraîné{e} devant moi.

Les voisins du dessus font beaucoup de bruit le soir ces dernières semaines ; {ref} dort mal.
{Il} ne souhaite pas de démarche pour l'instant, seulement en parler.

# coordination
Échange téléphonique avec {partenaire}, avec l'accord {de_ref}, pour coordonner les démarches
en cours. Nous avons convenu de qui fait quoi, pour éviter à {ref} de raconter son histoire
plusieurs fois.

Synthèse avec {partenaire} : la situation s'est stabilisée pour le logement, mais le budget
reste serré. Un point commun avec {ref} est prévu {date_rdv}.

J'ai envoyé la note sociale {au_partenaire}, relue au préalable avec {ref}, qui a demandé à
retirer une phrase sur sa santé. Je l'ai retirée.

Appel {du_partenaire} : la demande {de_ref} est complète et sera examinée {date_rdv}. Je l'ai
prévenu{e} par message.

Courriel {au_partenaire} pour relancer une demande déposée il y a {delai}, toujours sans
réponse. Copie à {ref}, qui tient à suivre les échanges.

Rencontre avec {partenaire} et {ref} dans nos locaux. Chacun a pu dire ce qui l'inquiète ;
{ref} a beaucoup parlé, et a demandé une copie du compte rendu.

# ecole
Nous avons parlé {de_eleve}, {scolarite}. L'enseignante a proposé un rendez-vous à {ref} pour
faire le point ; {il} appréhende un peu et m'a demandé comment s'y préparer.

La cantine n'a pas été payée depuis {delai} : {petit_montant}. Nous avons demandé le calcul du
tarif selon le quotient familial, qui n'avait jamais été fait, et un échelonnement auprès de la
mairie.

{eleve}, {scolarite}, a des difficultés en mathématiques. {ref} a trouvé l'aide aux devoirs du
centre social, le mardi et le jeudi ; {eleve} y va volontiers.

Réunion à l'école avec {ref}, à sa demande, au sujet {de_eleve}. L'équipe propose un bilan avec
la psychologue scolaire. {ref} a posé toutes ses questions et a donné son accord.

Demande d'aide pour inscrire {eleve} au club de football du quartier : le Pass'Sport couvre 50
€ ; il reste {petit_montant} à payer pour l'année, en trois fois. {ref} ne savait pas que
c'était possible.

Inscription {de_eleve} au centre de loisirs pour les mercredis, au tarif calculé selon le
quotient familial : {petit_montant} par mois.

[face] {ref} m'a montré le bulletin {de_eleve}, avec des appréciations très encourageantes.
Nous avons pris le temps de le lire ensemble.

{eleve} a besoin d'un suivi orthophonique. La liste d'attente est longue ; nous avons appelé
ensemble quatre cabinets et obtenu un premier rendez-vous dans {delai}.

Sortie scolaire de trois jours pour {eleve} : {petit_montant} à payer. Nous avons demandé une
aide à la mairie, qui prend en charge la moitié.

[visite] {eleve} m'a montré son cahier de dessins ; {ref} a rappelé en souriant qu'il fallait
d'abord faire les devoirs.

# petite_enfance
Rendez-vous à la PMI avec {ref} pour la pesée et les vaccins {de_enfant}. La puéricultrice a
pris le temps ; {ref} est ressorti{e} rassuré{e}.

Recherche d'un mode de garde pour {enfant} : la crèche municipale n'a pas de place avant
{delai}. Nous avons contacté le relais petite enfance pour une liste d'assistantes maternelles
et vérifié le montant de l'aide de la CAF.

{ref} manque de lait infantile et de couches en fin de mois. Orientation vers {association},
qui a un rayon bébé, et demande d'aide ponctuelle au CCAS.

Le carnet de santé {de_enfant} était resté chez {proche}. La PMI a reconstitué le calendrier
des vaccinations.

# famille
[face] {conjoint} était là aussi, revenu{conjoint_e} plus tôt du travail. Chacun a donné son
point de vue sur le budget ; ils se sont mis d'accord sur les priorités du mois.

[face] Rencontre avec {ref} et {conjoint}. Le couple souhaite un logement plus grand maintenant
que les enfants ont grandi. Nous avons mis à jour la demande de logement social avec la
nouvelle composition familiale.

{conjoint} a retrouvé du travail, en CDD de six mois. Nous avons déclaré ensemble le changement
de ressources à la CAF.

[face] Les deux parents étaient présents. Ils ont raconté leur rencontre, en {annee}, et les
premières années difficiles. Les enfants écoutaient en riant les détails qu'ils ne
connaissaient pas.

{conjoint} travaille de nuit en ce moment ; les parents se croisent à peine. Nous avons parlé
de l'organisation du matin et du soir, et de l'aide aux devoirs du centre social.

Nous avons parlé {des_enfants} : l'école, les copains, les soucis et les joies du moment. {ref}
en parle avec beaucoup de tendresse.

# separation
Audience devant le juge aux affaires familiales {date_rdv}. {ref} voulait comprendre le
déroulement ; je lui ai expliqué les étapes, et l'avocate désignée au titre de l'aide
juridictionnelle {la} reçoit la veille.

La pension alimentaire n'est plus versée depuis {delai}. Nous avons fait la demande
d'intermédiation financière à la CAF, qui versera l'allocation de soutien familial en attendant
le recouvrement.

Depuis la séparation, {ref} a tout repris à son nom : bail, contrat d'électricité, compte
bancaire. Nous avons vérifié ensemble qu'il ne restait aucun contrat commun.

# mois 11 12 1 2 3
La trêve hivernale protège {ref} d'une expulsion jusqu'à la fin mars, mais la dette continue de
courir. Nous profitons de ces mois pour reprendre contact avec le bailleur.

Le froid est arrivé d'un coup et le chauffage électrique tourne beaucoup. Nous avons regardé
ensemble la dernière facture d'électricité pour anticiper.

# mois 11 12
Les inscriptions pour la campagne d'hiver des Restos du cœur sont ouvertes ; nous avons préparé
les justificatifs avec {ref}.

# mois 12
{ref} s'est inscrit{e} au repas partagé du centre social pour les fêtes de fin d'année.

# mois 1
{ref} m'a souhaité une bonne année avant toute chose, et m'a demandé des nouvelles de l'équipe.

# mois 4 5
Le chèque énergie est arrivé ; nous l'avons affecté ensemble en ligne à la facture
d'électricité.

# mois 4 5 6
Période de déclaration des revenus : nous l'avons faite ensemble en ligne, en vérifiant chaque
case préremplie.

# mois 6 7
L'été approche ; {ref} redoute la chaleur dans l'appartement, orienté plein sud. Nous avons
parlé du registre canicule de la mairie, où {il} a accepté d'être inscrit{e}.

# mois 9
Reprise des activités au centre social : {ref} s'est réinscrit{e} à l'atelier du jeudi.

# profil
{age} ans, vit seul{e} dans un {logement_type}, {au_quartier}.

{age} ans, locataire {de_bailleur} depuis longtemps, {au_quartier}.

{age} ans. Hébergé{e} chez {proche} en ce moment.

{age} ans, a longtemps travaillé comme {metier}. Vit {au_quartier}.

{age} ans, né{e} {ville_origine}, dans la région depuis {annee}.

[actif] {age} ans, travaille comme {metier}, avec des horaires qui changent chaque semaine.

# profil_parent
{age} ans, élève seul{e} ses enfants, {enfants_ages}, {au_quartier}.

{age} ans, parent solo : {enfants_ages}. Logement {de_bailleur}, {au_quartier}.

# profil_famille
Famille de {nb_personnes} personnes : {prenom} et {conjoint}, avec {enfants_ages}. Un
{logement_type} {de_bailleur}, {au_quartier}.

{prenom} et {conjoint}, avec leurs enfants : {enfants_ages}. Logement trop petit, {au_quartier}
; demande de mutation en cours.

{prenom}, {conjoint} et les enfants : {enfants_ages}. {prenom} vient le plus souvent seul{e} ;
{conjoint} passe après le travail.

# profil_suite
Venu{e} la première fois pour une facture d'électricité ; revient quand les courriers
s'accumulent.

Orienté{e} par {partenaire} ; préfère les rendez-vous du matin.

Aime parler {de_passion} et de son enfance {ville_origine}.

Parle volontiers de son histoire, beaucoup moins de ce qui l'inquiète.

Préfère qu'on l'appelle avant de passer.

Très à l'aise au téléphone, moins avec les démarches en ligne.

Vient souvent avec {proche}, qui l'aide à lire les courriers.

Rencontré{e} à la permanence pour une question de logement ; l'accompagnement s'est élargi
ensuite à la santé.

Garde tous ses papiers dans un classeur bleu qu'{il} apporte à chaque rendez-vous.
"""

DEMO = """
= Nadia Ferreira
Nadia, 38 ans à notre première rencontre. Maman d'Inès et de Yanis. Arrivée dans le quartier
après sa séparation, hébergée d'abord chez sa sœur Carla. Auxiliaire de vie. Elle vient pour le
logement, les papiers, l'école des enfants, et parfois juste pour donner des nouvelles. Elle
aime qu'on prenne le temps.

@ -6/03/14
Première rencontre à la permanence du centre social des Tilleuls. Nadia est venue avec sa fille
Inès, 9 ans, et son fils Yanis, 5 ans. Elle a quitté le logement familial il y a trois
semaines, après la séparation, et elle est hébergée chez sa sœur Carla, dans un T3 où ils sont
sept. Elle dit qu'elle tient le coup pour les enfants. Nous avons pris le temps de poser les
choses : le logement d'abord, puis la CAF. Je lui ai proposé de nous revoir la semaine
prochaine avec ses papiers.

@ -6/03/21
Rendez-vous au bureau. Nadia avait apporté une pochette bien rangée : avis d'imposition, livret
de famille, dernières fiches de paie d'aide à domicile. Nous avons fait ensemble la demande de
logement social en ligne ; elle a maintenant son numéro unique. Déclaration de changement de
situation à la CAF faite aussi. Elle m'a dit que c'était la première fois depuis longtemps
qu'elle avait l'impression d'avancer.

@ -6/04/04
Appel de Nadia. L'école du quartier de sa sœur n'a plus de place en grande section pour Yanis ;
la mairie propose l'école Jacques-Prévert, à deux arrêts de bus. Elle hésite à cause de ses
horaires de travail. Je lui ai donné le contact de l'accueil du matin au centre social.

@ -6/05/16
Rencontre à la permanence. La CAF verse désormais l'allocation de soutien familial, en
attendant la décision du juge sur la pension alimentaire. Nadia a trouvé une avocate grâce au
point justice. Chez sa sœur, la cohabitation devient difficile, surtout le soir pour les
devoirs. Nous avons préparé ensemble le recours DALO ; j'envoie la note sociale cette semaine.

@ -6/06/27
Visite chez sa sœur Carla, à la demande de Nadia, pour voir les conditions d'hébergement. Les
enfants dorment avec leur mère dans le salon, sur un canapé-lit. Carla a été très accueillante
; elle dit qu'elle ne les laissera pas tomber, mais le bail est à son nom et le bailleur a déjà
fait une remarque. Nadia était fatiguée. Je lui ai rappelé que le recours DALO suit son cours.

@ -6/09/08
Appel de Nadia après la rentrée. Yanis a une maîtresse qu'il aime beaucoup ; Inès est entrée en
CM2. Elle a repris toutes ses heures auprès des personnes âgées qu'elle accompagne. Rien de
nouveau pour le logement. Elle voulait juste donner des nouvelles.

@ -6/10/19
Rencontre à la permanence. Courrier de la commission de médiation : le recours DALO est reconnu
prioritaire et urgent. Nadia a lu la lettre deux fois devant moi. Je lui ai expliqué les délais
possibles et ce qu'est une proposition de logement par la préfecture. Elle a demandé si elle
pourrait rester dans le quartier pour l'école ; je lui ai dit que nous pouvions le signaler,
sans pouvoir le promettre.

@ -6/12/12
Appel de Nadia. Proposition de logement d'Habitat des Coteaux : un T3 rue des Glycines, au
troisième étage sans ascenseur, à quinze minutes à pied de l'école. La visite est prévue
vendredi. Elle avait la voix qui tremblait. Je lui ai préparé la liste des pièces à apporter.

@ -6/12/19
Rendez-vous au bureau après la visite du logement. Nadia a accepté. Le loyer est de 512 €
charges comprises ; l'APL est estimée à 278 €. Pour le dépôt de garantie et le premier mois,
nous avons monté une demande au FSL. Elle s'inquiète pour les meubles, restés chez son ancien
conjoint. Je l'ai orientée vers la ressourcerie et vers l'aide à l'installation du CCAS.

@ -5/01/09
Visite à domicile, rue des Glycines, trois jours après l'emménagement. Des cartons partout,
trois matelas par terre, une table prêtée par une voisine. Nadia m'a montré la chambre des
enfants avec fierté. Le contrat d'électricité n'était pas encore à son nom : nous avons appelé
ensemble le fournisseur pour l'ouvrir. Le FSL a accordé le dépôt de garantie.

@ -5/02/06
Rencontre à la permanence. La ressourcerie a livré deux lits, une armoire et un réfrigérateur
grâce au bon du CCAS. Il manque encore une machine à laver ; Nadia va à la laverie le samedi
avec Inès. Elle a demandé à faire le point sur son budget. Nous avons fait le tableau ensemble
: après le loyer, les charges et la cantine, il lui reste environ 9 € par jour pour trois.

@ -5/03/13
Appel de Nadia. Inès voudrait entrer en sixième dans la section basket du collège Jean-Moulin ;
il faut un certificat médical. Nadia n'a plus de médecin traitant depuis le déménagement. Je
lui ai envoyé la liste des médecins du secteur qui acceptent de nouveaux patients, et le numéro
du centre de santé.

@ -5/04/24
Rencontre à la permanence. Le juge aux affaires familiales a fixé la pension alimentaire à 120
€ par mois et par enfant. Nadia craint qu'elle ne soit pas versée. Je lui ai présenté
l'intermédiation financière de la CAF, qui collecte la pension et la reverse. Nous avons fait
la demande en ligne ensemble.

@ -5/05/02
Appel de la CAF : l'intermédiation financière pour la pension alimentaire sera en place le mois
prochain. J'ai prévenu Nadia par message.

@ -5/06/30
Visite à domicile. L'appartement a pris forme : des rideaux, des dessins de Yanis sur le
réfrigérateur, une machine à laver d'occasion achetée avec la prime d'activité. Nadia m'a
offert un café et des pastéis de nata rapportés par sa mère, venue du Portugal pour deux
semaines. Elle m'a parlé de son enfance à Guimarães, des étés chez sa grand-mère. Rien d'urgent
aujourd'hui.

@ -5/09/15
Appel de Nadia. Rentrée sans souci ; Inès est bien en section basket. L'allocation de rentrée
scolaire a servi aux fournitures et aux chaussures. Elle demande un rendez-vous pour sa facture
d'électricité : la régularisation annuelle est de 386 €.

@ -5/09/29
Rendez-vous au bureau. La régularisation de 386 € vient d'un contrat estimé sur une
consommation trop basse. Nous avons appelé ensemble le fournisseur : un échéancier de 43 € sur
neuf mois a été accepté, et la mensualité ajustée. Elle a pris en photo la page avec les
numéros utiles. Je lui ai parlé du chèque énergie, qu'elle devrait recevoir au printemps.

@ -5/11/17
Rencontre à la permanence. Nadia voudrait devenir auxiliaire de vie diplômée. Son employeur est
d'accord sur le principe. Je lui ai parlé de la validation des acquis de l'expérience : elle a
cinq ans d'expérience auprès de personnes âgées. Rendez-vous pris au point d'information VAE.

@ -5/12/20
Message de Nadia : les enfants partent chez leur père pour la première semaine des vacances,
comme prévu par le jugement. Elle appréhende les fêtes seule. Je lui ai donné les horaires de
la soirée partagée du centre social, le 24 au soir.

@ -4/01/11
Rencontre à la permanence. Nadia est venue à la soirée partagée avec sa sœur et y a retrouvé
des voisines de l'immeuble. Le dossier VAE avance : elle écrit le soir, à la main, et sa nièce
tape le texte. Nous en avons relu une partie ensemble ; ce qu'elle écrit sur l'accompagnement
de Mme Reis en fin de vie est très juste.

@ -4/03/07
Appel de Nadia. Arrêt de travail de quatre semaines : douleurs dans le dos, le médecin parle
d'une hernie discale. Elle s'inquiète pour ses revenus. Je lui ai expliqué les indemnités
journalières et le complément prévu par sa convention collective ; nous vérifierons ensemble
son attestation de salaire.

@ -4/03/21
Visite à domicile, car Nadia ne peut pas se déplacer. Elle reste allongée la plupart du temps ;
Inès fait les courses et accompagne Yanis à l'école. Les indemnités journalières n'ont pas
encore été versées : l'employeur n'avait pas envoyé l'attestation de salaire. J'ai appelé
l'employeur, qui l'a transmise dans la foulée à la CPAM. Nous avons demandé une aide
alimentaire ponctuelle au CCAS.

@ -4/04/12
Appel du CCAS : aide alimentaire accordée, deux bons de 60 €. J'ai prévenu Nadia, qui ira les
chercher jeudi avec sa sœur.

@ -4/05/20
Rencontre à la permanence. Nadia a repris le travail en mi-temps thérapeutique. Le loyer
d'avril n'a pas été payé en entier : il manque 230 €. Elle avait déjà appelé le bailleur, qui
propose un plan d'apurement. Nous avons rédigé ensemble le courrier pour proposer 40 € par
mois. Elle tient à ce que ce soit réglé vite.

@ -4/06/17
Appel d'Habitat des Coteaux : plan d'apurement accepté. Le courrier de confirmation part chez
Nadia cette semaine.

@ -4/07/08
Rencontre à la fête de quartier. Nadia tenait le stand de gâteaux avec sa sœur. Yanis m'a
présenté son meilleur copain. Pas de démarche, juste des nouvelles : le dos va mieux, elle a
repris à temps plein.

@ -4/09/06
Appel de Nadia. Yanis entre en CE2 ; l'enseignante propose un bilan avec la psychologue
scolaire, parce que la lecture est difficile pour lui. Nadia a peur qu'on le « mette à part ».
Je lui ai expliqué comment se passe ce bilan et qu'elle sera présente à chaque étape. Elle va
accepter le rendez-vous.

@ -4/10/14
Rendez-vous au bureau. Le bilan de Yanis montre une dyslexie. L'orthophoniste la plus proche a
huit mois d'attente. Nous avons fait la liste des cabinets du secteur et préparé un message
qu'elle enverra à chacun. Elle a aussi demandé si elle devait faire une demande à la MDPH ;
nous en reparlerons après l'avis du médecin scolaire.

@ -4/12/02
Appel de Nadia. Un cabinet d'orthophonie a une place le mercredi après-midi, à trois arrêts de
tram. Sa sœur peut y emmener Yanis. Elle riait en me racontant qu'il a déjà surnommé
l'orthophoniste « la dame des sons ».

@ -3/01/24
Rencontre à la permanence. Le jury VAE a lieu dans trois semaines. Nadia a répété sa
présentation devant moi, deux fois. Elle parle de son métier avec beaucoup de précision. Je lui
ai suggéré d'apporter des exemples concrets, comme celui de M. Caron et de ses repas.

@ -3/02/16
Message de Nadia, tout en majuscules : validation totale. Elle est auxiliaire de vie diplômée.

@ -3/03/09
Rencontre à la permanence. Avec le diplôme, son employeur l'a augmentée et lui propose 28
heures par semaine. Nous avons simulé ensemble ses droits : la prime d'activité et l'APL
baissent un peu, mais elle y gagne. Le plan d'apurement est soldé. Elle voulait me remercier ;
je lui ai dit que ce diplôme, c'était son travail à elle.

@ -3/04/19
Appel de Nadia. Elle a reçu son chèque énergie de 194 € et l'a affecté seule, en ligne, à sa
facture d'électricité. Elle voulait que je vérifie que c'était bien fait. C'était bien fait.

@ -3/05/04
Appel de Nadia. Son ancien conjoint ne verse plus la pension depuis deux mois ; la CAF verse
l'allocation de soutien familial à la place et se charge du recouvrement. Elle voulait être
sûre de n'avoir rien à faire. Je le lui ai confirmé.

@ -3/06/22
Visite à domicile. Nadia a repeint la chambre des enfants avec Inès. Inès, 12 ans, m'a montré
la carte du Portugal qu'elle a dessinée pour un exposé. Nadia a évoqué sa mère, qui a des
soucis de santé à Guimarães ; elle aimerait y aller cet été. Nous avons regardé ensemble le
prix des billets de bus : avec le plan d'apurement soldé, elle pense pouvoir partir en août.

@ -3/08/22
Carte postale de Guimarães, déposée à l'accueil par Carla : « Les enfants apprennent à nager
dans la rivière, maman va mieux. On pense à vous. » Je l'ai rangée avec les notes.

@ -3/09/12
Appel de Nadia après la rentrée. Inès est en quatrième et a été élue déléguée de classe. Yanis,
en CM1, a un plan d'accompagnement personnalisé pour sa dyslexie, et l'orthophonie continue. Sa
mère va mieux.

@ -3/11/08
Rencontre à la permanence. Avec les nouveaux tarifs, la mensualité d'électricité passe de 52 €
à 79 €. Nous avons regardé ensemble les consommations : le chauffe-eau est très ancien. J'ai
écrit au bailleur pour demander un contrôle, et je lui ai donné le numéro de l'espace conseil
énergie.

@ -3/12/14
Appel d'Habitat des Coteaux : un technicien passera le 19 pour le chauffe-eau. J'ai transmis
l'information à Nadia par message.

@ -2/01/30
Appel de Nadia. Le chauffe-eau a été remplacé ; elle voit déjà la différence sur le relevé.
Elle se demande si elle pourrait un jour demander un logement plus proche de son travail, mais
les enfants ne veulent pas changer d'école. Nous avons décidé de ne rien faire pour l'instant.

@ -2/03/18
Rencontre à la permanence. La CAF réclame à Nadia un trop-perçu de 612 €, pour un trimestre de
ressources. Elle était très affectée : elle dit qu'elle a « toujours tout déclaré ». Nous avons
vérifié ensemble : ses déclarations étaient justes, mais un mois de salaire a été compté deux
fois. Nous avons rédigé ensemble une contestation, avec les fiches de paie en pièce jointe.

@ -2/05/06
Appel de Nadia : la CAF a reconnu l'erreur et annulé le trop-perçu. J'entendais au téléphone
combien elle était émue.

@ -2/06/25
Visite à domicile. Fin d'année scolaire : Inès passe en troisième et parle déjà de devenir
kinésithérapeute. Yanis a fait de gros progrès en lecture ; il m'a lu à voix haute une page de
bande dessinée. Nadia est fatiguée par les trajets entre les personnes qu'elle accompagne,
jusqu'à six par jour, en bus. Nous avons parlé du permis de conduire ; son employeur a un fonds
de formation, elle va se renseigner.

@ -2/09/19
Rencontre à la permanence. L'employeur finance la moitié du permis. Il reste 640 € à sa charge.
Nous avons monté ensemble une demande de microcrédit personnel auprès d'une association
partenaire ; rendez-vous avec la conseillère au début du mois prochain.

@ -2/10/17
Appel de Nadia. Microcrédit accordé : 650 € sur dix-huit mois, 38 € par mois. Premier cours de
code lundi. Elle a installé l'application sur son téléphone et révise dans le bus.

@ -2/12/04
Appel de Nadia, inquiète : Yanis a été bousculé à la sortie de l'école par deux grands, et il
ne veut plus y aller. Elle a rencontré la directrice, qui a pris les choses au sérieux. Je lui
ai donné le contact du médiateur du centre social, présent aux sorties d'école.

@ -2/12/18
Rencontre à la permanence, courte. Yanis a repris le chemin de l'école ; la directrice a réuni
les familles concernées. Nadia a apporté des chocolats pour l'équipe du centre social.

@ -1/02/10
Appel de Nadia. Sa mère est décédée la nuit dernière à Guimarães. Elle part après-demain avec
les enfants. Elle m'a demandé ce qu'il fallait faire pour son travail et pour l'école. Je lui
ai expliqué le congé pour décès, et proposé d'appeler moi-même l'école et le collège. Elle a
accepté.

@ -1/02/11
Appels à la directrice de l'école de Yanis et au CPE du collège d'Inès pour les prévenir de
l'absence des enfants, avec l'accord de Nadia. Tous deux ont été très attentionnés.

@ -1/03/08
Rencontre à la permanence, la première depuis le retour du Portugal. Nadia a parlé longtemps de
sa mère, de la maison de Guimarães qu'il faudra vendre avec ses frères, et de la culpabilité
d'avoir vécu loin. Je l'ai surtout écoutée. Elle a accepté le numéro du CMP, « pour plus tard,
peut-être ». Nous nous revoyons dans un mois, sans autre démarche pour l'instant.

@ -1/04/12
Rendez-vous au bureau. Nadia dort un peu mieux. Elle a obtenu le code la semaine dernière et a
pris rendez-vous au CMP. Question pratique : la succession au Portugal. Je l'ai orientée vers
le point justice, où une juriste parle portugais.

@ -1/05/29
Appel de Nadia. Première présentation à l'examen de conduite, manquée de peu ; nouvelle date en
juin. Elle en parle avec humour.

@ -1/06/26
Message de Nadia : permis obtenu ! Son employeur lui prête une voiture de service pour les
tournées.

@ -1/07/11
Rencontre à la permanence. Inès a eu son brevet avec mention bien ; elle cherche un stage
d'observation dans un cabinet de kinésithérapie. Yanis entre en sixième au collège Jean-Moulin,
comme sa sœur avant lui. Nous avons refait le budget avec la voiture : les frais de carburant
sont remboursés par l'employeur, et le microcrédit est presque remboursé.

@ -1/09/20
Appel de Nadia. Inès est entrée en seconde au lycée Marie-Curie. Yanis prend le bus seul pour
aller au collège, et il en est très fier. Nadia va au CMP tous les quinze jours.

@ -1/11/13
Rencontre à la permanence. Nadia voudrait un logement plus grand : les enfants grandissent et
partagent toujours la même chambre, Inès a 15 ans. Nous avons mis à jour la demande de logement
social et demandé une mutation à Habitat des Coteaux, en précisant qu'elle souhaite rester dans
le secteur.

@ -1/12/15
Appel de Nadia. Le bailleur a enregistré la demande de mutation ; délai annoncé d'un à deux ans
pour un T4 dans le quartier. En attendant, elle a aménagé un coin pour Inès dans le salon, avec
un paravent.

@ 0/01/17
Rencontre à la permanence. Nadia est venue accompagner une voisine, Mme Haddad, qui a des
difficultés avec sa facture d'électricité. Elle lui a expliqué elle-même ce qu'est un
échéancier avant même que je commence. Nous avons pris un moment ensemble ensuite : elle va
bien, le CMP l'a aidée, elle a arrêté d'y aller en décembre.

@ 0/02/21
Appel de Nadia. Son employeur lui propose un poste de référente pour accueillir les nouvelles
auxiliaires de vie. Elle hésite : plus de responsabilités, moins d'heures auprès des personnes.
Nous avons parlé de ce qui compte pour elle. Elle va demander à essayer pendant trois mois.

@ 0/03/24
Rencontre à la permanence. Nadia a commencé comme référente et accompagne deux nouvelles
collègues. Inès choisit ses spécialités pour la première ; Yanis joue au basket, comme sa sœur.
Nous avons relu ensemble ce qui a changé depuis la première rencontre, il y a six ans. Nadia
m'a dit qu'elle viendrait moins souvent, « parce que ça va », et qu'elle sait où nous trouver.

= Famille Amrani
Samira et Karim Amrani, avec Lina, Adam et, depuis peu, Nour. Longtemps à cinq dans un T2 au
Moulin. Samira vient souvent seule ; Karim passe quand il peut, après le chantier. Une famille
très entourée par les voisins et les cousins.

@ -2/10/03
Rencontre à la permanence avec Samira Amrani, orientée par la PMI. Samira est enceinte de sept
mois de son troisième enfant. La famille vit à quatre dans un T2 de 41 m² au Moulin : Lina, 8
ans, et Adam, 5 ans, dorment dans la chambre, les parents dans le salon. Leur demande de
logement social date de trois ans et n'a pas été actualisée depuis la naissance d'Adam. Nous
l'avons mise à jour ensemble. Samira parle d'humidité dans la chambre des enfants ; je lui ai
proposé une visite.

@ -2/10/17
Visite à domicile. Moisissures au plafond de la chambre des enfants et autour de la fenêtre.
Adam tousse souvent, selon Samira ; le médecin a parlé d'asthme. Karim était là, revenu exprès
de son chantier. Nous avons pris des photos avec leur accord, et j'ai écrit au bailleur social
en joignant le certificat médical. Lina m'a montré ses cahiers ; elle adore lire.

@ -2/11/28
Appel de Samira. Le bailleur est passé : une ventilation sera installée, et la demande de
mutation vers un logement plus grand est enregistrée. Elle doit accoucher dans trois semaines.
Nous avons vérifié ensemble que la prime à la naissance de la CAF avait bien été versée : c'est
le cas.

@ -2/12/22
Message de Karim : Nour est née le 19, elle pèse 3,2 kg. Tout le monde va bien.

@ -1/01/19
Visite à domicile avec la puéricultrice de la PMI, à la demande de Samira. Nour tète bien et
dort dans un berceau prêté par une voisine, dans le salon. La ventilation a été posée ; l'odeur
d'humidité a presque disparu. Samira est fatiguée, les nuits sont courtes. Karim a pris son
congé de paternité et s'occupe des deux grands le matin.

@ -1/03/06
Appel de Samira. Karim s'est blessé à la main sur le chantier : accident du travail, arrêt de
six semaines. Elle s'inquiète pour le loyer. Je lui ai expliqué que les indemnités journalières
sont plus élevées en accident du travail qu'en maladie, et qu'elles arrivent vite si
l'employeur fait la déclaration. Rendez-vous pris jeudi avec Karim pour vérifier les papiers.

@ -1/03/09
Rendez-vous au bureau avec Karim. L'employeur a bien déclaré l'accident du travail. Karim m'a
dit qu'il n'aime pas rester à la maison, qu'il travaille depuis ses 16 ans. Nous avons fait
ensemble la demande de complémentaire santé solidaire pour toute la famille, qu'ils n'avaient
pas.

@ -1/06/12
Rencontre à la permanence avec Samira et Nour. Karim a repris le travail. Samira voudrait que
Lina et Adam partent en vacances cet été ; ils ne sont jamais partis. Nous avons regardé
ensemble les aides aux vacances de la CAF et les séjours du centre social. Lina partira une
semaine en colonie à la montagne ; Adam, encore petit, ira au centre de loisirs.

@ -1/09/05
Appel de Samira. Rentrée : Lina en CM1, Adam en CP, avec la maîtresse qu'avait eue Lina. Lina
est revenue de la colonie avec mille histoires et veut devenir animatrice. Toujours pas de
proposition de logement.

@ -1/11/21
Rencontre à la permanence. Facture d'électricité de régularisation : 538 €. Le logement est mal
isolé et le chauffage est électrique. Nous avons demandé une aide au FSL énergie et mis en
place un échéancier de 45 € par mois pour le reste. J'ai aussi signalé au bailleur la
consommation anormale des convecteurs.

@ 0/01/09
Appel du FSL : une aide de 300 € est accordée pour la facture d'électricité. J'ai prévenu
Samira, soulagée.

@ 0/02/14
Appel de Samira, qui criait de joie : Logis du Val propose un T4 rue Pablo-Neruda, avec trois
chambres. La visite est prévue lundi. Les enfants ont déjà choisi leurs chambres sur le plan.

@ 0/03/04
Visite du nouveau logement avec la famille, à leur demande. T4 au deuxième étage avec
ascenseur, 72 m², lumineux. Loyer de 689 € ; nous avons simulé l'APL ensemble, autour de 310 €.
Karim a mesuré chaque pièce au mètre ruban. Ils signent le bail le 15 ; le déménagement se fera
avec les cousins.

@ 0/04/02
Visite à domicile dans le nouveau logement. Chacun a trouvé sa place : Lina partage sa chambre
avec Nour, Adam a la sienne, « pour l'instant ». Adam n'a plus toussé depuis le déménagement,
dit Samira. Nous avons fait ensemble les changements d'adresse à la CAF, à la CPAM et pour
l'électricité. Ils m'ont offert un thé à la menthe et des cornes de gazelle.

= Moussa Diarra
Moussa, 47 ans, cuisinier dans une brasserie du centre-ville. Hébergé chez son ami Issa depuis
la fin de son bail ; Issa part s'installer à Limoges. Nous nous sommes vus chaque semaine ces
deux derniers mois ; désormais, tous les quinze jours.

@ J-61
Rencontre à la permanence, orienté par les Restos du cœur. Moussa est cuisinier dans une
brasserie du centre-ville, à temps partiel depuis quelques mois. Il est hébergé depuis huit
mois chez un ami, Issa, qui part s'installer à Limoges dans deux mois. Il n'a pas d'adresse
pour recevoir son courrier. Nous avons fait ensemble la demande de domiciliation au CCAS et la
demande de logement social. Nous avons convenu de nous voir chaque semaine, le temps que les
choses se posent.

@ J-54
Rendez-vous au bureau. Domiciliation acceptée : son courrier arrive désormais au CCAS. Nous
avons déposé une demande au SIAO pour une place en résidence sociale, en précisant la date du
départ d'Issa. Moussa m'a parlé de Kayes, où il a grandi, et de sa mère qui vit toujours là-bas
; il lui envoie de l'argent chaque mois.

@ J-47
Rendez-vous au bureau. Moussa avait reçu un message lui rappelant de renouveler sa carte de
séjour pluriannuelle, qu'il n'avait pas vu. Nous avons fait la demande ensemble en ligne ;
l'attestation de prolongation d'instruction est arrivée le jour même. Il l'a photographiée et
imprimée deux fois.

@ J-40
Rendez-vous au bureau. Moussa se sent fatigué et a très soif depuis quelques semaines. Il n'a
plus de médecin traitant depuis le départ à la retraite du sien. Je lui ai proposé de prendre
rendez-vous à la maison de santé ; il s'est d'abord dit que cela pouvait attendre, puis il a
accepté pour la semaine prochaine. Pas de nouvelles du SIAO.

@ J-33
Rendez-vous au bureau. Le médecin a diagnostiqué un diabète ; Moussa a commencé un traitement
et doit revoir sa façon de manger, « moi qui suis cuisinier », a-t-il dit en riant. Ses droits
à la complémentaire santé solidaire étaient ouverts sans qu'il le sache ; nous avons téléchargé
l'attestation. J'ai relancé le SIAO par courriel.

@ J-26
Rendez-vous au bureau. Le SIAO propose une place en résidence sociale, rue des Tanneurs, à
partir du mois prochain. Redevance de 420 € par mois, avec une APL estimée à 260 €. Moussa a
posé beaucoup de questions sur la cuisine commune. La visite est prévue vendredi avec le
responsable.

@ J-19
Rendez-vous au bureau. La visite s'est bien passée ; Moussa a choisi un studio au
rez-de-chaussée, avec une kitchenette. Il entre dans douze jours, Issa part juste après. Nous
avons préparé la demande d'aide au logement et la liste de ce qu'il faut acheter : draps,
vaisselle, une grande casserole. Le CCAS peut aider pour le premier équipement.

@ J-12
Rendez-vous au bureau. Le CCAS a accordé 150 € pour l'équipement. Son patron lui propose de
repasser à temps plein le mois prochain ; Moussa hésite, à cause des services du soir et de son
traitement. Nous avons parlé de ce qu'il pourrait demander : une pause fixe pour les repas. Il
en parle à son patron demain.

@ J-5
Visite dans son studio à la résidence sociale, deux jours après son entrée. Moussa avait déjà
accroché une photo de sa mère au-dessus du lit et fait du mafé pour ses voisins de palier. Son
patron a accepté les horaires aménagés. Nous avons fait ensemble les changements d'adresse à la
CAF et à la préfecture. Nous passons à un rendez-vous toutes les deux semaines.

= Jean-Marc Lefèvre
Jean-Marc, 59 ans à notre première rencontre. Ancien chauffeur routier, vit seul avec sa
chienne Praline dans un studio de la résidence des Acacias. Passe quand les papiers
s'accumulent, parfois après des mois sans nouvelles. Aime raconter ses années sur les routes
d'Espagne.

@ -5/01/23
Rencontre à la permanence. Jean-Marc est venu avec un sac plastique plein de courriers pas
ouverts, « tout ce qui fait peur », dit-il. Ancien chauffeur routier, il est en invalidité
depuis un accident du dos. Nous avons ouvert les enveloppes ensemble et fait trois piles :
urgent, à classer, à jeter. Dans la pile urgente : une facture d'électricité de 412 € et une
relance de la CPAM. Je lui ai proposé de revenir la semaine prochaine pour la facture.

@ -5/01/30
Rendez-vous au bureau. Appel au fournisseur d'électricité avec Jean-Marc : échéancier de 35 €
par mois sur douze mois accepté. Pour la CPAM, il manquait une attestation de pension
d'invalidité ; nous l'avons téléchargée sur son espace en ligne, qu'il n'avait jamais ouvert.
Il a noté son mot de passe dans son vieux carnet de route.

@ -5/02/20
Appel de Jean-Marc. Il voulait savoir s'il pouvait aller aux Restos du cœur. Je lui ai donné
l'adresse du centre de distribution et les horaires d'inscription. Il m'a dit qu'il n'irait
peut-être pas, « par fierté », puis qu'il irait quand même, « pour voir ».

@ -5/09/14
Jean-Marc est repassé à la permanence après sept mois sans nouvelles. Il a été hospitalisé au
printemps pour une pneumonie ; une voisine a gardé Praline. L'échéancier a été payé jusqu'au
bout. Cette fois, c'est un courrier de la CAF : l'aide au logement est suspendue faute de
déclaration de revenus, qu'il n'avait pas pu faire depuis l'hôpital. Nous l'avons faite
ensemble en ligne. Il m'a raconté un hiver bloqué par la neige au col du Perthus.

@ -5/11/30
Rencontre à la permanence. Jean-Marc est inscrit aux Restos du cœur pour la campagne d'hiver ;
il y va le mardi et s'y est fait un copain, ancien cariste. Sa complémentaire santé solidaire
arrive à échéance : nous avons fait le renouvellement en ligne.

@ -4/06/07
Appel de Jean-Marc, après six mois. Praline est malade et le vétérinaire demande 280 €. Il n'a
pas la somme. Je lui ai donné les coordonnées du dispensaire vétérinaire associatif, qui
pratique des tarifs solidaires. Il me rappellera.

@ -4/06/14
Message de Jean-Marc : le dispensaire a soigné Praline pour 40 €. Elle va bien.

@ -3/02/02
Rencontre à la permanence, après huit mois. Jean-Marc a 61 ans et pense à sa retraite : il a
reçu un relevé de carrière qu'il ne comprend pas. Il manque deux années, quand il travaillait
pour une entreprise espagnole. Nous avons préparé ensemble la demande de régularisation, avec
les bulletins de salaire qu'il garde dans une boîte à chaussures. Il dit qu'il garde tout, «
sauf les courriers ».

@ -3/04/11
Rendez-vous au bureau. La caisse de retraite demande des pièces complémentaires. Nous avons
rédigé la réponse ensemble et il l'a postée lui-même en recommandé. Il est fier d'avoir « reçu
un courrier et répondu dans le mois ».

@ -3/10/24
Appel à la caisse de retraite à la demande de Jean-Marc, présent dans le bureau. Les deux
années espagnoles sont reprises. La pension de retraite remplacera la pension d'invalidité ;
nous avons noté les dates. Il pense fêter ça par un bon repas au relais routier de la
nationale, « là où tout le monde me connaissait ».

@ -2/05/16
Rencontre à la permanence, après sept mois de silence. Jean-Marc est passé, dit-il, « pour dire
bonjour et pour un petit truc ». Le petit truc : une régularisation de charges de 367 € de son
bailleur. Nous avons demandé le détail des charges ; il y a une erreur sur l'eau chaude, que le
bailleur va vérifier. Il est maintenant à la retraite et se sent plus léger depuis qu'il n'a
plus à renouveler l'invalidité.

@ -2/07/02
Appel du bailleur : la régularisation est ramenée à 118 €. Jean-Marc la paiera en trois fois.

@ -1/03/03
Rencontre à la permanence, après huit mois. Son bailleur lui propose un studio dans une
résidence neuve, avec ascenseur. Jean-Marc hésite : il connaît tout le monde aux Acacias. Nous
avons listé ensemble ce qui compte pour lui ; il a décidé de rester.

@ -1/12/09
Appel de Jean-Marc. Praline est morte la semaine dernière, à 14 ans. Il voulait le dire à
quelqu'un. Nous avons parlé d'elle un long moment. Je lui ai rappelé que le centre social
organise un café des anciens le jeudi.

@ 0/02/26
Rencontre à la permanence. Jean-Marc va au café des anciens le jeudi et aide à installer les
tables. Il voulait faire sa déclaration de revenus en avance, « pour une fois » ; elle n'est
pas encore ouverte, nous avons fixé un rendez-vous pour le moment venu. Il est reparti avec une
liste de numéros utiles, rangée dans son carnet de route.

= Madeleine Roux
Mme Roux, 84 ans, veuve, vit seule dans la maison de la rue des Peupliers où elle a élevé ses
trois enfants. Ancienne ouvrière dentellière à Calais. Signalée par sa pharmacienne, avec son
accord. Tient à rester chez elle.

@ -2/11/06
Appel de la pharmacienne de la place du Marché, avec l'accord de Mme Roux : elle la trouve
amaigrie et un peu perdue dans ses médicaments. Mme Roux est d'accord pour une visite.

@ -2/11/14
Visite à domicile. Mme Roux m'attendait dans sa cuisine, très soignée, sous une nappe en
dentelle qu'elle a faite elle-même. Elle vit seule depuis le décès de son mari, il y a quatre
ans. Ses enfants habitent loin ; sa fille Martine l'appelle le dimanche. Elle a du mal avec les
escaliers et ne monte plus à l'étage : elle dort dans le fauteuil. Nous avons parlé de l'APA ;
elle veut « rester chez moi jusqu'au bout ». Je lui ai proposé de faire la demande ensemble.

@ -2/12/05
Visite à domicile. Nous avons rempli la demande d'APA, avec Martine au téléphone en
haut-parleur. Mme Roux m'a raconté ses débuts à l'usine de Calais, à 14 ans, le bruit des
métiers à dentelle, et la fierté quand une pièce partait pour Paris.

@ -1/02/20
Visite à domicile avec l'évaluatrice du Département pour l'APA. Mme Roux avait mis sa robe du
dimanche. Plan d'aide proposé : une aide à domicile cinq matins par semaine, la téléassistance
et le portage de repas. Elle a accepté la téléassistance « pour faire plaisir à Martine ».

@ -1/04/09
Appel de Mme Roux. L'aide à domicile, Fatima, vient depuis trois semaines ; elles s'entendent
bien. Un lit médicalisé a été installé au rez-de-chaussée. Elle dort mieux. Elle m'a demandé
quand je revenais « pour le café ».

@ -1/06/18
Visite à domicile. Mme Roux est tombée dans la salle de bains la semaine dernière ; elle a
appuyé sur le bouton de la téléassistance et les pompiers sont venus. Rien de cassé, un gros
bleu. Nous avons parlé de l'aménagement de la douche ; je prépare une demande d'aide auprès de
sa caisse de retraite. Elle m'a montré le col en dentelle qu'elle termine pour le mariage de sa
petite-fille.

@ -1/10/03
Appel de Martine, la fille de Mme Roux. Les travaux de la douche sont faits, financés en grande
partie par la caisse de retraite. Martine viendra pour la Toussaint.

@ -1/12/12
Visite à domicile. Mme Roux est allée au mariage de sa petite-fille en septembre ; la mariée
portait le col en dentelle. Elle m'a montré les photos, une par une. Elle trouve les journées
longues depuis. Nous avons parlé du club du jeudi après-midi au centre social ; le minibus peut
venir la chercher. Elle va essayer.

@ 0/02/08
Appel de Mme Roux. Elle va au club du jeudi depuis décembre et y apprend la dentelle aux
fuseaux à deux autres dames. « Je suis redevenue contremaîtresse », m'a-t-elle dit. Pas de
démarche en cours ; je repasserai la voir le mois prochain.

= Aylin Demir
Aylin, 34 ans, maman d'Elif et de Can. Arrivée après une séparation difficile, hébergée six
mois au CHRS, puis relogée aux Aubépines. Vendeuse en boulangerie. Parle turc, allemand et
français.

@ -2/04/27
Rencontre à la permanence, orientée par le CIDFF. Aylin est hébergée avec ses deux enfants,
Elif, 7 ans, et Can, 3 ans, dans un appartement du CHRS depuis trois semaines, après avoir
quitté le domicile conjugal. Elle a pu emporter leurs papiers d'identité, mais pas les carnets
de santé. Ce qui compte le plus pour elle : que les enfants ne perdent pas l'école. Nous avons
fait ensemble l'inscription d'Elif à l'école du quartier et contacté la PMI pour Can.

@ -2/05/18
Rendez-vous au bureau. La CAF a ouvert des droits à son nom, séparément de son ancien conjoint
: RSA majoré et allocations familiales. La PMI a reconstitué le carnet de vaccination de Can.
Aylin a rendez-vous avec l'avocate du CIDFF pour la procédure devant le juge aux affaires
familiales.

@ -2/09/10
Appel d'Aylin. Elif a fait sa rentrée en CE1 ; Can est entré en petite section, il a pleuré
trois matins, puis plus du tout. Aylin a trouvé un poste de vendeuse dans une boulangerie, 24
heures par semaine, le matin. Je lui ai parlé de la prime d'activité et de l'accueil du
mercredi au centre de loisirs.

@ -2/11/25
Rencontre à la permanence. Le CHRS prépare la suite : une proposition de logement social est
arrivée, un T3 aux Aubépines. Aylin est partagée, car c'est loin de l'école d'Elif et elle ne
voulait pas lui faire changer d'école en cours d'année. Nous avons regardé ensemble les lignes
de bus. Elle a décidé d'accepter, et de changer Elif d'école après les vacances d'hiver.

@ -1/01/20
Visite à domicile dans le nouveau logement, aux Aubépines. Peu de meubles pour l'instant, mais
chaque enfant a son lit. Aylin a affiché au mur le planning de la semaine, en français et en
turc. Nous avons fait la demande d'aide à l'installation et l'ouverture du contrat
d'électricité. Elle dit qu'elle dort mieux ici.

@ -1/05/15
Appel d'Aylin. Le juge aux affaires familiales a fixé la résidence des enfants chez elle et une
pension alimentaire. Elle voulait savoir comment être sûre qu'elle soit versée ; je lui ai
expliqué l'intermédiation financière de la CAF. Nous la demanderons ensemble la semaine
prochaine.

@ -1/05/22
Rendez-vous au bureau. Demande d'intermédiation financière faite en ligne avec Aylin. Elle m'a
raconté son enfance à Stuttgart, où ses parents étaient partis travailler, puis son arrivée en
France à 20 ans.

@ -1/10/02
Rencontre à la permanence. Aylin passe en CDI à la boulangerie, 30 heures par semaine. Elif lit
des livres en entier, Can parle sans arrêt. Elle voulait inscrire Can à la cantine au tarif du
quotient familial : nous avons téléchargé ensemble l'attestation de la CAF. Elle reviendra si
besoin ; pas de prochain rendez-vous fixé.

= Lucien Bernard
M. Bernard, 72 ans, ancien employé municipal aux espaces verts. Vit avec son épouse Jacqueline,
atteinte de la maladie d'Alzheimer. Plusieurs crédits à la consommation pris pour faire face.
Homme discret, très attaché à payer ce qu'il doit.

@ -1/03/12
Rencontre à la permanence. M. Bernard est venu avec une chemise cartonnée et la liste de ses
crédits, écrite à la main : quatre crédits renouvelables, 14 200 € au total. Les mensualités
dépassent la moitié de sa retraite. Il s'en excusait presque. Il a pris ces crédits pour payer
l'aide à domicile de son épouse, atteinte de la maladie d'Alzheimer, avant qu'elle n'ait l'APA.
Je lui ai présenté la procédure de surendettement auprès de la Banque de France. Il veut
réfléchir et en parler à son fils.

@ -1/03/26
Rendez-vous au bureau avec M. Bernard et son fils Didier. Ils ont décidé de déposer un dossier
de surendettement. Nous avons rassemblé les pièces : relevés, offres de crédit, avis
d'imposition, justificatifs des charges. J'ai vérifié avec lui que l'APA de Mme Bernard était
bien à jour : elle l'est depuis janvier.

@ -1/04/16
Rendez-vous au bureau. Dossier de surendettement déposé en ligne à la Banque de France avec M.
Bernard. Il a demandé ce qui se passerait pour sa carte bancaire ; je lui ai expliqué
l'inscription au fichier et sa durée. Il a parlé de Jacqueline, qui ne le reconnaît pas
toujours mais chante encore avec lui les chansons du bal de leur mariage.

@ -1/06/19
Appel de M. Bernard. Le dossier est recevable et les prélèvements des crédits sont suspendus.
Il dit qu'il a dormi toute une nuit pour la première fois depuis des mois.

@ -1/10/08
Rencontre à la permanence. La commission propose un effacement partiel et un plan de 86 € par
mois sur quatre ans. M. Bernard trouve cela juste. Nous avons relu ensemble le courrier pour
être sûrs de tout comprendre. Il a aussi demandé des renseignements sur l'accueil de jour pour
Jacqueline ; je lui ai donné le contact de la plateforme de répit.

@ 0/01/23
Appel de M. Bernard. Jacqueline va à l'accueil de jour deux fois par semaine ; il en profite
pour aller à la pêche avec Didier. Le plan est en place et il a payé les deux premières
échéances. Il m'a souhaité une bonne année et m'a promis de repasser « avec des tomates du
jardin, l'été venu ».

= Océane Marchal
Océane, 19 ans. Venue deux fois, à la fin de son contrat jeune majeur avec l'aide sociale à
l'enfance. Cherchait un toit et une formation dans la petite enfance.

@ -2/09/12
Rencontre à la permanence. Océane a 19 ans ; son contrat jeune majeur avec l'aide sociale à
l'enfance se termine à la fin du mois, et avec lui sa place au foyer. Elle voudrait travailler
dans la petite enfance. Elle est venue seule, avec un classeur où tout était rangé. Nous avons
appelé ensemble la mission locale pour un rendez-vous et fait une demande de place en foyer de
jeunes travailleurs. Une amie peut l'héberger deux ou trois semaines.

@ -2/10/03
Rendez-vous au bureau. Le foyer de jeunes travailleurs lui propose une chambre à partir du 15,
avec une aide au logement. La mission locale lui a présenté le contrat d'engagement jeune ;
elle le signe la semaine prochaine, avec une préparation au CAP accompagnant éducatif petite
enfance. Elle n'a besoin de rien d'autre pour l'instant. Je lui ai laissé mon numéro ; elle
sait qu'elle peut revenir.
"""
