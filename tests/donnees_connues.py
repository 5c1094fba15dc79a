"""A year (2025) of KNOWN data, with every expected figure worked out by hand in the comments.

Built through the interchange file when the storage layer can read one, else with plain puts, so
that the statistics tests check the same numbers either way.

Initiation (cycles, 2 h):
  c0 (2024-11-06 → 2025-01-10): listed in 2024, but its session of 10 January 2025 is held (2 h).
  c1 janvier-mars: g1 = p1 p2 p3; 08/01 15/01 22/01 12/03 held, 05/02 cancelled → 8 h.
  c2 avril-mai: g2 nobody enrolled, 02/04 and 28/05 still planned → 0 in the sheet.
  c3 septembre-novembre: g3a = p1 p4 (03/09 01/10 05/11 held, 6 h), g3b = p5 p6 p7 (05/09 21/11 held, 4 h).
  N = 3 + 0 + 5 = 8, H = 2 + 8 + 6 + 4 = 20.
SÉNOU (cycles, 1 h 30): c4, two groups meeting 06/03 (p8 p9 / p10): 3 h, 3 people, "mars".
Numérikids (club): k1 k2 enrolled; 05/02 and 05/03 held (k3 walks in on 05/03), 12/03 cancelled:
  2 adhérents (k3 apart, came without enrolling), 4 h.
Repair café: r1 (p2) opened 01/02 repaired 01/03; r2 (p11) opened 05/04 end of life; r3 (p2) opened
  2024-12-07, still going. Visits in 2025: 120 + 60 + 90 + 60 min = 5,5 h; 2 people; 2 opened; 1 repaired.
Help desk: a1 03/03 30 min p12 argent_impots autonome; a2 10/06 60 min anonymous (sante,
  aide_aux_demarches_administratives, social_sante) reorientation; a3 11/06 45 min p1 email orientation_cours.
"""

from __future__ import annotations

from datetime import date

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Creneau, Cycle, Groupe
from atelier_app.domain.ages import tranche_age
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.seances import Presence, Seance

D = date.fromisoformat

#: id: (nom, prénom, année de naissance, genre, statut, commune)
PERSONNES = {
    "p1": ("Durand", "Anne", 1950, "feminin", "retraite", "Lille"),
    "p2": ("Petit", "Louis", 1948, "masculin", "retraite", "Lille"),
    "p3": ("Moreau", "Julie", 1980, "feminin", "sans_emploi", "Roubaix"),
    "p4": ("Roux", "Paul", 1962, "masculin", "en_emploi", "Lille"),
    "p5": ("Faure", "Marie", 1955, "feminin", "retraite", "Lille"),
    "p6": ("Blanc", "Rose", 1958, "feminin", "retraite", "Roubaix"),
    "p7": ("Garnier", "Jean", 1970, "masculin", "sans_emploi", "Lille"),
    "p8": ("Chevalier", "Odette", 1944, "feminin", "retraite", "Lille"),
    "p9": ("Lambert", "Henri", 1952, "masculin", "retraite", "Lille"),
    "p10": ("Bonnet", "Lucie", 1949, "feminin", "retraite", "Lille"),
    "p11": ("Henry", "Marc", 1990, "masculin", "en_emploi", "Tourcoing"),
    "p12": ("Perrin", "Claire", 1975, "feminin", "en_emploi", "Lille"),
    "k1": ("Morel", "Léo", 2015, "masculin", "scolarise", "Lille"),
    "k2": ("Morel", "Lina", 2012, "feminin", "scolarise", "Lille"),
    "k3": ("Dumas", "Noé", 2016, "masculin", "scolarise", "Lille"),
}


def _presences(ids, absents=(), hors_inscription=(), quand=2025):
    out = []
    for pid in list(ids) + list(hors_inscription):
        _n, _p, an, genre, statut, commune = PERSONNES[pid]
        out.append(Presence(pid, "absent" if pid in absents else "present", inscrit=pid not in hors_inscription,
                            tranche_age=tranche_age(an, quand), genre=genre, statut_social=statut, commune=commune))
    return tuple(out)


def enregistrements() -> list:
    objets: list = [Personne(id=i, nom=n, prenom=p, annee_naissance=a, genre=g, statut_social=s, commune=c,
                             cree_le=D("2024-09-01"))
                    for i, (n, p, a, g, s, c) in PERSONNES.items()]
    wed = Creneau("mercredi", "17:00", 120)
    objets += [Cycle("c0", "initiation", "Automne 2024"), Cycle("c1", "initiation", "Hiver 2025"),
               Cycle("c2", "initiation", "Printemps 2025"), Cycle("c3", "initiation", "Automne 2025"),
               Cycle("c4", "senou", "Mars 2025"), Cycle("k", "numerikids", "2025")]
    objets += [Groupe("g0", "c0", "Mercredi", creneau=wed, inscrits=("p3",)),
               Groupe("g1", "c1", "Mercredi", creneau=wed, inscrits=("p1", "p2", "p3")),
               Groupe("g2", "c2", "Mercredi", creneau=wed),
               Groupe("g3a", "c3", "Mercredi", creneau=wed, inscrits=("p1", "p4")),
               Groupe("g3b", "c3", "Vendredi", creneau=Creneau("vendredi", "14:00", 120),
                      inscrits=("p5", "p6", "p7")),
               Groupe("s1", "c4", "Jeudi 9 h", creneau=Creneau("jeudi", "09:00", 90), inscrits=("p8", "p9")),
               Groupe("s2", "c4", "Jeudi 10 h 45", creneau=Creneau("jeudi", "10:45", 90), inscrits=("p10",)),
               Groupe("gk", "k", "Mercredi matin", creneau=Creneau("mercredi", "10:00", 120), inscrits=("k1", "k2"))]
    th = ("prendre_en_main_du_materiel",)
    S = Seance
    objets += [
        S("i00", "g0", D("2024-11-06"), "17:00", 120, "realisee", th, presences=_presences(["p3"], quand=2024)),
        S("i01", "g0", D("2025-01-10"), "17:00", 120, "realisee", th, presences=_presences(["p3"])),
        # c1: p3 stops after 15/01 (drop-out); p2 misses the first session
        S("i11", "g1", D("2025-01-08"), "17:00", 120, "realisee", th, presences=_presences(["p1", "p2", "p3"], ["p2"])),
        S("i12", "g1", D("2025-01-15"), "17:00", 120, "realisee", th, presences=_presences(["p1", "p2", "p3"])),
        S("i13", "g1", D("2025-01-22"), "17:00", 120, "realisee", ("email",),
          presences=_presences(["p1", "p2", "p3"], ["p3"])),
        S("i14", "g1", D("2025-02-05"), "17:00", 120, "annulee"),
        S("i15", "g1", D("2025-03-12"), "17:00", 120, "realisee", ("email",), anonymes=1,
          presences=_presences(["p1", "p2", "p3"], ["p3"])),
        S("i21", "g2", D("2025-04-02"), "17:00", 120, "prevue"),
        S("i22", "g2", D("2025-05-28"), "17:00", 120, "prevue"),
        S("i31", "g3a", D("2025-09-03"), "17:00", 120, "realisee", th, presences=_presences(["p1", "p4"])),
        S("i32", "g3a", D("2025-10-01"), "17:00", 120, "realisee", th, presences=_presences(["p1", "p4"])),
        S("i33", "g3a", D("2025-11-05"), "17:00", 120, "realisee", th, presences=_presences(["p1", "p4"])),
        S("i34", "g3b", D("2025-09-05"), "14:00", 120, "realisee", ("navigation_sur_internet",),
          presences=_presences(["p5", "p6", "p7"])),
        S("i35", "g3b", D("2025-11-21"), "14:00", 120, "realisee", ("navigation_sur_internet",),
          presences=_presences(["p5", "p6", "p7"])),
        S("s11", "s1", D("2025-03-06"), "09:00", 90, "realisee", ("sante",), presences=_presences(["p8", "p9"])),
        S("s21", "s2", D("2025-03-06"), "10:45", 90, "realisee", ("sante",), presences=_presences(["p10"])),
        S("k01", "gk", D("2025-02-05"), "10:00", 120, "realisee", ("creer_avec_le_numerique",),
          presences=_presences(["k1", "k2"])),
        S("k02", "gk", D("2025-03-05"), "10:00", 120, "realisee", ("creer_avec_le_numerique",),
          presences=_presences(["k1", "k2"], hors_inscription=["k3"])),
        S("k03", "gk", D("2025-03-12"), "10:00", 120, "annulee"),
    ]
    objets += [
        Projet("r1", "p2", "reparation", "Grille-pain", D("2025-02-01"), categorie_ords=16, etat="repare",
               repare_le=D("2025-03-01"), clos_le=D("2025-03-01"),
               visites=(Visite(D("2025-02-01"), 120), Visite(D("2025-03-01"), 60))),
        Projet("r2", "p11", "reparation", "Radio", D("2025-04-05"), etat="fin_de_vie", clos_le=D("2025-04-05"),
               visites=(Visite(D("2025-04-05"), 90),)),
        Projet("r3", "p2", "projet_numerique", "Cassettes sur clé USB", D("2024-12-07"),
               visites=(Visite(D("2024-12-07"), 60), Visite(D("2025-01-11"), 60))),
    ]
    objets += [
        Accompagnement("a1", D("2025-03-03"), 30, "p12", ("argent_impots",), "autonome", tranche_age="quarante_cinquante_neuf",
                       genre="feminin", statut_social="en_emploi", commune="Lille"),
        Accompagnement("a2", D("2025-06-10"), 60, None, ("sante", "aide_aux_demarches_administratives", "social_sante"),
                       "reorientation"),
        Accompagnement("a3", D("2025-06-11"), 45, "p1", ("email",), "orientation_cours",
                       tranche_age="soixante_dix_plus", genre="feminin", statut_social="retraite", commune="Lille"),
    ]
    objets += [
        EntreePreliste("e1", "p4", "initiation", D("2025-06-01"), etat="inscrit",
                       historique=(ChangementEtat("inscrit", D("2025-08-31")),)),
        EntreePreliste("e2", "p5", "initiation", D("2025-07-01"), etat="inscrit",
                       historique=(ChangementEtat("inscrit", D("2025-08-31")),)),
        EntreePreliste("e3", "p12", "initiation", D("2025-10-01"), etat="a_inviter"),
    ]
    objets += [
        Positionnement("q1", "p1", D("2025-01-08"), niveau="debutant", moment="entree", cycle="c1"),
        Positionnement("q2", "p1", D("2025-03-12"), niveau="a_rassurer", moment="sortie", cycle="c1"),
        Positionnement("q3", "p2", D("2025-01-08"), niveau="a_rassurer", moment="entree", cycle="c1"),
        Positionnement("q4", "p2", D("2025-03-12"), niveau="a_rassurer", moment="sortie", cycle="c1"),
    ]
    return objets


def fichier_echange() -> dict:
    """The same year as an interchange file, version 1 (FORMAT.md)."""
    objets = enregistrements()
    de = lambda kind: [o for o in objets if isinstance(o, kind)]  # noqa: E731
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "format": "atelier-echange", "version": 1,
        "personnes": [{"id": p.id, "nom": p.nom, "prenom": p.prenom, "annee_naissance": p.annee_naissance,
                       "genre": p.genre, "statut_social": p.statut_social, "commune": p.commune} for p in de(Personne)],
        "cycles": [{"id": c.id, "activite": c.activite, "nom": c.nom} for c in de(Cycle)],
        "groupes": [{"id": g.id, "cycle": g.cycle, "nom": g.nom, "capacite": g.capacite,
                     "creneau": {"jour": g.creneau.jour, "debut": g.creneau.debut, "duree": g.creneau.duree},
                     "inscrits": list(g.inscrits), "liste_attente": []} for g in de(Groupe)],
        "seances": [{"id": s.id, "groupe": s.groupe, "date": iso(s.date), "debut": s.debut, "duree": s.duree,
                     "etat": s.etat, "thematiques": list(s.thematiques), "contenu": "", "anonymes": s.anonymes}
                    for s in de(Seance)],
        "presences": [{"seance": s.id, "personne": p.personne, "statut": p.statut} for s in de(Seance)
                      for p in s.presences],
        "preliste": [{"personne": e.personne, "activite": e.activite, "demande_le": iso(e.demande_le),
                      "origine": e.origine, "etat": e.etat, "reunion": None,
                      "extra": {"inscrit_le": iso(e.historique[0].le) if e.historique else None}}
                     for e in de(EntreePreliste)],
        "positionnements": [{"personne": q.personne, "date": iso(q.date), "reponses": {}, "score": 0,
                             "niveau": q.niveau, "extra": {"moment": q.moment, "cycle": q.cycle}}
                            for q in de(Positionnement)],
        "projets": [{"id": r.id, "personne": r.personne, "type": r.type, "intitule": r.intitule,
                     "categorie_ords": r.categorie_ords, "etat": r.etat, "frein_ords": None,
                     "ouvert_le": iso(r.ouvert_le), "visites": [{"date": iso(v.date), "duree": v.duree, "aidant": "",
                                                                 "notes": ""} for v in r.visites]}
                    for r in de(Projet)],
        "accompagnements": [{"date": iso(a.date), "personne": a.personne, "duree": a.duree,
                             "thematiques": list(a.thematiques), "suite": a.suite} for a in de(Accompagnement)],
    }


def par_fichier_echange_possible(services) -> bool:
    try:
        return services.outils.echange is not None
    except ImportError:
        return False


def construire(services, dossier_tmp=None) -> None:
    """Put the known year in the store of a configured centre (fixture ``centre``).

    Through the interchange file when the storage layer reads one (what a real centre does), else
    with plain puts of the same records. Fields version 1 of the file cannot carry (pre-list history,
    placement moment, repair dates) are completed afterwards so both ways give the same figures.
    """
    if par_fichier_echange_possible(services):
        import json
        import tempfile
        from pathlib import Path

        dossier = Path(dossier_tmp or tempfile.mkdtemp())
        chemin = dossier / "annee-connue.json"
        chemin.write_text(json.dumps(fichier_echange(), ensure_ascii=False), encoding="utf-8")
        services.donnees.importer(chemin)
        # version 1 carries no state history, exact closing dates nor the help desk's demographic snapshot
    # (the importer does not take it from the person yet): complete them with the same values
        with services.depot.transaction("Compléments") as tx:
            for kind in (EntreePreliste, Positionnement, Accompagnement):
                for o in services.depot.all(kind):
                    tx.delete(kind, o.id)
            tx.put_many([o for o in enregistrements() if isinstance(o, (EntreePreliste, Positionnement, Projet, Accompagnement))])
        return
    with services.depot.transaction("Données connues") as tx:
        tx.put_many(enregistrements())
