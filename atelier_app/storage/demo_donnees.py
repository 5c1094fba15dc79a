"""The demo's word lists (first names, streets, objects brought to the repair café, programmes) and scales.

Why apart from the generator: they are data, not rules; the generator reads better without them.
"""

from typing import TypedDict


class Echelle(TypedDict):
    """The size of a demo centre: rooms, group sizes (initiation, SÉNOU, Numérikids, repair café)…"""

    salles: int
    tailles: tuple[int, int, int, int]
    personnes: int
    annees: int
    projets: int
    accompagnements: int


#: per scale: rooms running each slot, group sizes (initiation, SÉNOU, Numérikids, repair), people target, years
ECHELLES: dict[str, Echelle] = {
    "petite": Echelle(salles=1, tailles=(8, 6, 10, 8), personnes=150, annees=1, projets=25, accompagnements=120),
    "grande": Echelle(salles=2, tailles=(21, 16, 28, 30), personnes=10_000, annees=10, projets=300,
                      accompagnements=1500),
}
#: the benchmarks' control: the same busy centre with one year of history only (what history adds)
ECHELLES["grande_un_an"] = {**ECHELLES["grande"], "annees": 1, "personnes": 1000}

PRENOMS_F = ("Hélène", "Françoise", "Monique", "Nathalie", "Isabelle", "Sylvie", "Martine", "Brigitte", "Chantal",
             "Josiane", "Geneviève", "Danièle", "Annie", "Colette", "Odile", "Mireille", "Yvette", "Jacqueline",
             "Sandrine", "Valérie", "Céline", "Aurélie", "Léa", "Chloé", "Inès", "Zoé", "Maëlle", "Noémie",
             "Fatima", "Aïcha", "Nadia", "Samira", "Agnès", "Bernadette", "Ginette", "Thérèse", "Élodie", "Manon")
PRENOMS_M = ("Loïc", "Jean", "Michel", "Bernard", "Alain", "Gérard", "René", "Jacques", "Philippe", "Daniel",
             "Patrick", "Christian", "Rémi", "Hervé", "Gaël", "Joël", "Noël", "Frédéric", "Stéphane", "Thierry",
             "Karim", "Mohamed", "Youssef", "Mehdi", "Théo", "Hugo", "Lucas", "Nathan", "Enzo", "Maël", "Jérôme",
             "François", "André", "Raymond", "Marcel", "Serge", "Yannick", "Benoît", "Cédric", "Jules")
NOMS = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
        "Légaré", "Chevalier", "Gautier", "Perrin", "Guérin", "Boucher", "Rousseau", "Faure", "Blanc", "Brunet",
        "Guillot", "Renaud", "Méchin", "Benali", "Haddad", "Nguyen", "Da Silva", "Pereira", "Texier", "Baudry",
        "Charrier", "Bouchet", "Guillon", "Rivière", "Barré", "Pineau", "Marchand", "Bodin", "Sauzeau", "Giraud")
COMMUNES = (("Niort", "79000", 10), ("Chauray", "79180", 3), ("Aiffres", "79230", 2), ("Bessines", "79000", 1),
            ("Échiré", "79410", 1), ("Vouillé", "79230", 1), ("Magné", "79460", 1), ("Coulon", "79510", 1),
            ("Saint-Gelais", "79410", 1), ("Prahecq", "79230", 1))
RUES = ("rue Victor-Hugo", "avenue de Paris", "rue des Écoles", "rue du Moulin", "place de la Brèche",
        "rue Ricard", "chemin des Vignes", "rue de la Gare", "impasse des Lilas", "rue Jean-Jaurès")
PROGRAMME_INITIATION = (
    ("Clavier, souris et premiers pas", ("prendre_en_main_du_materiel",)),
    ("Fichiers et dossiers, la clé USB", ("gere_ses_contenus_numeriques",)),
    ("Traitement de texte : une lettre", ("bureautique",)),
    ("Naviguer sur internet, les favoris", ("navigation_sur_internet",)),
    ("Créer et utiliser sa boîte e-mail", ("email",)),
    ("Pièces jointes et photos", ("email", "gere_ses_contenus_numeriques")),
    ("Sécurité : mots de passe et arnaques", ("securite_numerique",)),
    ("Démarches en ligne : ameli, impots.gouv", ("aide_aux_demarches_administratives", "sante")),
    ("Le smartphone au quotidien", ("prendre_en_main_du_materiel",)),
    ("Bilan et questions libres", ("culture_numerique",)),
)
SUJETS_SENOU = (("Visio avec les petits-enfants", ("reseaux_sociaux",)), ("Photos du téléphone", ("gere_ses_contenus_numeriques",)),
                ("Messages frauduleux", ("securite_numerique",)), ("Mon espace retraite", ("aide_aux_demarches_administratives",)),
                ("Prendre un rendez-vous médical", ("sante",)), ("Acheter en ligne sans risque", ("banque_et_achats_en_ligne",)))
SUJETS_KIDS = (("Stop-motion en pâte à modeler", ("creer_avec_le_numerique",)), ("Impression 3D d'un porte-clés", ("creer_avec_le_numerique",)),
               ("Programmer un petit jeu", ("culture_numerique",)), ("Reportage photo du quartier", ("creer_avec_le_numerique",)),
               ("Vrai ou faux sur internet ?", ("securite_numerique",)), ("Découvrir l'IA en s'amusant", ("intelligence_artificielle",)))
OBJETS = ((16, "Ordinateur portable", ("Acer", "HP", "Lenovo", "Asus"), ("ne démarre plus", "très lent", "écran fissuré")),
          (19, "Smartphone", ("Samsung", "Apple", "Xiaomi"), ("batterie qui ne tient plus", "connecteur de charge abîmé")),
          (25, "Imprimante", ("Epson", "Canon", "HP"), ("bourrage papier", "n'imprime plus en noir")),
          (36, "Machine à café", ("Senseo", "Krups", "DeLonghi"), ("fuit", "ne chauffe plus")),
          (14, "Bouilloire", ("Moulinex", "Philips"), ("ne s'allume plus",)), (30, "Tablette", ("Samsung", "Apple"), ("écran tactile inerte",)),
          (4, "Ordinateur de bureau", ("Dell", "HP"), ("bruit de ventilateur", "virus")), (23, "Radio", ("Sony", "Philips"), ("plus de son",)),
          (34, "Aspirateur", ("Rowenta", "Dyson"), ("ne s'allume plus",)), (9, "Sèche-cheveux", ("Babyliss",), ("sent le brûlé",)))
