"""Notice (art. 13-14) and register (art. 30): every item, editable, « 1 an »; the access-request
export readable with what must go with it (issue 18, points 11 and 12)."""

from datetime import date

from pypdf import PdfReader

from atelier_app.domain import information
from atelier_app.domain.activites import Cycle, Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.projets import Projet
from atelier_app.domain.seances import Presence, Seance
from atelier_app.reports import rgpd as doc


def _texte(sections):
    return "\n".join(f"{t}\n{x}" for t, x in sections)


def _pdf(chemin):
    return " ".join(p.extract_text() for p in PdfReader(str(chemin)).pages)


def test_chaque_article_a_sa_section(centre):
    notice = dict(centre.rgpd.textes("notice"))
    registre = dict(centre.rgpd.textes("registre"))
    for item, titre in information.ARTICLE_13.items():
        assert notice.get(titre), item
    for item, titre in information.ARTICLE_30.items():
        assert registre.get(titre), item
    n, r = _texte(notice.items()), _texte(registre.items())
    for attendu in ("n'a pas désigné de délégué", "Exécution de votre inscription", "CCAS", "un mois",
                    "décès", "15 ans", "sauvegardes automatiques", "journal des accès", "Service Animations de la ville",
                    "Obligatoires : nom et prénom", "santé"):
        assert attendu in n, attendu
    for attendu in ("exécution de l'inscription", "santé et justice", "Comptes de l'équipe", "Journal des accès",
                    "Sous-traitants", "texte libre", "CCAS"):
        assert attendu in r, attendu


def test_un_an_et_delegue(centre):
    centre.rgpd.definir_duree_conservation(1)
    tout = _texte(centre.rgpd.textes("notice")) + _texte(centre.rgpd.textes("registre"))
    assert "1 an " in tout and "1 ans" not in tout
    centre.rgpd.enregistrer_textes("notice", None, dpo="Maître Dupont, dpo@exemple.fr")
    assert "Délégué à la protection des données : Maître Dupont" in _texte(centre.rgpd.textes("notice"))


def test_notice_et_registre_modifiables(centre, tmp_path):
    sections = list(centre.rgpd.textes("notice"))
    sections[0] = (sections[0][0], "Le centre social des Tilleuls, représenté par sa directrice.")
    centre.rgpd.enregistrer_textes("notice", tuple(sections))
    assert centre.rgpd.texte_modifie("notice") and centre.rgpd.textes("notice")[0][1].startswith("Le centre social")
    pdf = doc.notice_information(tmp_path / "n.pdf", centre.centre.centre(), 3, centre.rgpd.textes("notice"))
    assert "représenté par sa directrice" in _pdf(pdf)
    centre.rgpd.enregistrer_textes("notice", None)
    assert not centre.rgpd.texte_modifie("notice")
    pdf = doc.registre(tmp_path / "r.pdf", centre.centre.centre(), 3, date(2026, 12, 1), centre.rgpd.textes("registre"))
    assert "Journal des accès" in _pdf(pdf)


def test_export_lisible_avec_les_informations(centre, tmp_path):
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", cree_le=date(2024, 1, 1)))
        tx.put(Cycle(id="c00012", activite="senou", nom="Automne 2025"))
        tx.put(Groupe(id="g00031", cycle="c00012", nom="Jeudi 9 h", inscrits=("p1",)))
        tx.put(Seance(id="s00077", groupe="g00031", date=date(2025, 10, 2), presences=(Presence("p1"),)))
        tx.put(Projet(id="r1", personne="p1", type="reparation", intitule="Grille-pain", ouvert_le=date(2025, 2, 1),
                      categorie_ords=22, probleme="ne chauffe plus", frein_ords="1"))
    d = centre.rgpd.donnees_personne("p1")
    lisible = str(d["lisible"])
    assert "g00031" not in lisible and "c00012" not in lisible and "s00077" not in lisible
    assert "Jeudi 9 h" in lisible and "Ateliers informatiques SÉNOU" in lisible
    titres = [i["titre"] for i in d["informations"]]
    assert {"Vos droits", "Combien de temps ?", "Qui reçoit vos données ?", "D'où viennent vos données ?"} <= set(titres)
    pdf, _js = doc.exporter_personne(tmp_path, centre.centre.centre(), d, date(2026, 12, 1))
    texte = _pdf(pdf)
    for interne in ("Categorie ords", "Probleme", "g00031", "Frein ords"):
        assert interne not in texte, interne
    for lisible in ("Catégorie d'objet", "Problème décrit", "Pièces détachées non disponibles", "Vos droits",
                    "Jeudi 9 h"):
        assert lisible in texte, lisible
