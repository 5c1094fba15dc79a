"""The permission table, role by role (domain.roles): what a volunteer may do is exactly two things."""

from __future__ import annotations

import pytest

from atelier_app.domain.roles import PERMISSIONS, ROLES_LIBELLES, Permission, Role, autorise

P = Permission
BENEVOLE = {P.VOIR_SEANCES_DU_JOUR, P.NOTER_PRESENCES}
DIRECTION_SEULE = {P.GERER_COMPTES, P.VOIR_JOURNAL}


@pytest.mark.parametrize("permission", list(Permission))
def test_chaque_permission_par_role(permission: Permission) -> None:
    assert autorise(Role.DIRECTION, permission) is True
    assert autorise(Role.ANIMATEUR, permission) is (permission not in DIRECTION_SEULE)
    assert autorise(Role.BENEVOLE, permission) is (permission in BENEVOLE)


def test_table_complete() -> None:
    assert set(PERMISSIONS) == set(Role)
    assert len(Permission) == 15
    assert PERMISSIONS[Role.BENEVOLE] == frozenset(BENEVOLE)
    assert not autorise(Role.BENEVOLE, P.VOIR_COORDONNEES) and not autorise(Role.BENEVOLE, P.VOIR_PERSONNES)
    assert ROLES_LIBELLES == {"direction": "Direction", "animateur": "Animateur·rice", "benevole": "Bénévole"}
    assert Role("benevole") is Role.BENEVOLE and Permission("imprimer") is P.IMPRIMER
