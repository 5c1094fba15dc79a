"""The shard storage: what it writes is always the JSON of what it holds, however it got there."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_app.storage.atomic import ShardStorage
from atelier_app.storage.fichier import _StrTinyDB

_ids = st.sampled_from([f"p{i}" for i in range(8)])
_docs = st.fixed_dictionaries({"nom": st.text(max_size=6), "n": st.integers(-5, 5)})
_actions = st.lists(
    st.one_of(
        st.tuples(st.just("put"), st.sampled_from(["personnes", "projets"]), st.dictionaries(_ids, _docs, max_size=3)),
        st.tuples(st.just("drop"), st.sampled_from(["personnes", "projets"]), st.lists(_ids, max_size=3)),
        st.tuples(st.just("commit"), st.just(""), st.just(None)),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(_actions)
def test_serialise_suit_les_changements(tmp_path_factory, actions) -> None:
    storage = ShardStorage(tmp_path_factory.mktemp("s") / "f.json", {"meta": {"schema": {"version": 1}}})
    db = _StrTinyDB(storage=lambda: storage)
    for quoi, table, arg in actions:
        t = db.table(table, cache_size=0)
        if quoi == "put":
            t.put_many({k: dict(v) for k, v in arg.items()})
        elif quoi == "drop":
            t.drop_ids(arg)
        else:
            assert json.loads(storage.serialise()) == storage.data
    assert json.loads(storage.serialise()) == storage.data


def test_changement_non_annonce_vu_quand_meme(tmp_path) -> None:
    """A write that bypasses put_many/drop_ids (a migration) still reaches the file."""
    storage = ShardStorage(tmp_path / "f.json", {"t": {"a": {"x": 1}, "b": {"x": 2}}})
    storage.serialise()
    data = {"t": {"a": {"x": 1}, "c": {"x": 3}}}
    storage.write(data)
    assert json.loads(storage.serialise()) == data
