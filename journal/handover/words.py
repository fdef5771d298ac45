"""The words of a card's fingerprint: 256 things anyone can picture, in French and English.

Line up: the n-th French word and the n-th English word name the same thing, so two
colleagues who work in different languages still read the same fingerprint to each
other ("chat, pomme…" is "cat, apple…"). The words are concrete nouns a child knows,
each said one way only: within each language no two are the same, none is a homophone
of another word in the list or of a common word that could be heard instead (no "sel"
and "selle", "mer" and "mère", "pear" and "pair", "flour" beside "flower"), none needs
spelling out. 256 words: one word per byte of the card's hash.
"""

from __future__ import annotations

_PAIRS = """
chat cat | chien dog | cheval horse | vache cow | mouton sheep
cochon pig | lapin rabbit | souris mouse | lion lion | tigre tiger
loup wolf | renard fox | singe monkey | girafe giraffe | zèbre zebra
éléphant elephant | baleine whale | dauphin dolphin | requin shark | phoque seal
tortue turtle | grenouille frog | serpent snake | crocodile crocodile | canard duck
poule hen | hibou owl | aigle eagle | corbeau crow | pigeon pigeon
perroquet parrot | pingouin penguin | abeille bee | fourmi ant | papillon butterfly
escargot snail | araignée spider | crabe crab | homard lobster | pieuvre octopus
chameau camel | kangourou kangaroo | hérisson hedgehog | écureuil squirrel | castor beaver
chèvre goat | âne donkey | taureau bull | hamster hamster | pomme apple
cerise cherry | fraise strawberry | citron lemon | orange orange | banane banana
raisin grape | prune plum | pêche peach | abricot apricot | ananas pineapple
melon melon | mangue mango | kiwi kiwi | olive olive | tomate tomato
carotte carrot | oignon onion | chou cabbage | poireau leek | radis radish
navet turnip | citrouille pumpkin | haricot bean | salade lettuce | champignon mushroom
persil parsley | concombre cucumber | poivron pepper | épinard spinach | betterave beetroot
figue fig | noisette hazelnut | amande almond | châtaigne chestnut | framboise raspberry
myrtille blueberry | beurre butter | fromage cheese | miel honey | sucre sugar
soupe soup | gâteau cake | biscuit biscuit | chocolat chocolate | café coffee
thé tea | confiture jam | œuf egg | crêpe pancake | yaourt yogurt
pizza pizza | huile oil | vinaigre vinegar | table table | chaise chair
lampe lamp | porte door | fenêtre window | clé key | livre book
stylo pen | crayon pencil | cahier notebook | ciseaux scissors | marteau hammer
clou nail | échelle ladder | panier basket | bougie candle | miroir mirror
horloge clock | parapluie umbrella | valise suitcase | sac bag | boîte box
bouteille bottle | tasse cup | assiette plate | fourchette fork | cuillère spoon
couteau knife | casserole saucepan | théière teapot | oreiller pillow | couverture blanket
tapis carpet | rideau curtain | armoire wardrobe | canapé sofa | coussin cushion
savon soap | brosse brush | peigne comb | serviette towel | éponge sponge
bouton button | aiguille needle | ruban ribbon | ballon balloon | cerf-volant kite
poupée doll | enveloppe envelope | timbre stamp | cadenas padlock | boussole compass
jumelles binoculars | sifflet whistle | cloche bell | tambour drum | guitare guitar
piano piano | violon violin | flûte flute | trompette trumpet | harpe harp
chapeau hat | écharpe scarf | gant glove | botte boot | chaussette sock
chemise shirt | jupe skirt | manteau coat | veste jacket | ceinture belt
cravate tie | pantoufle slipper | casquette cap | soleil sun | lune moon
étoile star | nuage cloud | pluie rain | neige snow | orage storm
arc-en-ciel rainbow | montagne mountain | colline hill | rivière river | océan ocean
plage beach | île island | forêt forest | arbre tree | feuille leaf
fleur flower | tulipe tulip | herbe grass | pierre stone | sable sand
rocher rock | grotte cave | volcan volcano | désert desert | vallée valley
cascade waterfall | branche branch | racine root | graine seed | jardin garden
maison house | château castle | pont bridge | moulin mill | grange barn
école school | gare station | marché market | musée museum | cabane hut
igloo igloo | fontaine fountain | chemin path | route road | village village
vélo bicycle | bateau boat | train train | avion plane | voiture car
camion truck | fusée rocket | tracteur tractor | moto motorbike | canoë canoe
traîneau sled | hélicoptère helicopter | pelle shovel | râteau rake | scie saw
hache axe | corde rope | aimant magnet | loupe magnifier | plume feather
coquillage shell | perle pearl | couronne crown | bague ring | collier necklace
trésor treasure | drapeau flag | nounours teddy | dragon dragon | fantôme ghost
robot robot
"""

PAIRS: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split())  # type: ignore[misc]
    for line in _PAIRS.strip().splitlines()
    for pair in line.split(" | ")
)
WORDS = {"fr": tuple(fr for fr, _ in PAIRS), "en": tuple(en for _, en in PAIRS)}
