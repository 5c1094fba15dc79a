"""The conflict message: which record, who changed it, from which PC, when — in French."""

from __future__ import annotations

from datetime import datetime

_FEMININS = {"seances": "La séance", "personnes": "La fiche de la personne", "activites": "L'activité",
             "preliste": "L'inscription en pré-liste", "centre": "La fiche du centre",
             "fiches": "La fiche d'activité"}
_MASCULINS = {"groupes": "Le groupe", "cycles": "Le cycle", "projets": "Le projet", "comptes": "Le compte",
              "accompagnements": "L'accompagnement", "positionnements": "Le positionnement",
              "questionnaire": "Le questionnaire", "parametres": "Le réglage"}


def message_conflit(tbl: str, par: str, poste: str, le: datetime | None) -> str:
    if tbl in _FEMININS:
        quoi, accord = _FEMININS[tbl], "modifiée"
    else:
        quoi, accord = _MASCULINS.get(tbl, "Cet enregistrement"), "modifié"
    qui = par or "un autre poste"
    ou = f" (poste {poste})" if poste else ""
    quand = f" le {le.astimezone():%d/%m/%Y à %H:%M}" if le else ""
    return (f"{quoi} a été {accord} par {qui}{ou}{quand}, pendant que vous y travailliez. Rien n'a été "
            "enregistré ; ce que vous avez saisi est gardé à l'écran : regardez la modification, "
            "puis enregistrez de nouveau.")
