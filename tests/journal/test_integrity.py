"""The integrity key: derived from the master identity only, tags bound to every part."""

import pyrage
from hypothesis import given
from hypothesis import strategies as st

from journal import crypto


def test_integrity_key_is_stable_for_one_identity_and_differs_between_identities():
    one, other = pyrage.x25519.Identity.generate(), pyrage.x25519.Identity.generate()
    assert crypto.integrity_key(one) == crypto.integrity_key(one)
    assert crypto.integrity_key(one) != crypto.integrity_key(other)
    assert len(crypto.integrity_key(one)) == 32


def test_a_tag_checks_only_for_the_same_label_and_parts():
    key = crypto.integrity_key(pyrage.x25519.Identity.generate())
    tag = crypto.integrity_tag(key, "person", "ab", b"c")
    assert crypto.integrity_ok(key, tag, "person", "ab", b"c")
    assert not crypto.integrity_ok(key, tag, "person", "a", b"bc")
    assert not crypto.integrity_ok(key, tag, "entry", "ab", b"c")
    assert not crypto.integrity_ok(key, None, "person", "ab", b"c")
    other = crypto.integrity_key(pyrage.x25519.Identity.generate())
    assert not crypto.integrity_ok(other, tag, "person", "ab", b"c")


@given(
    key=st.binary(min_size=1, max_size=100),
    label=st.text(max_size=10),
    parts=st.lists(st.one_of(st.text(max_size=20), st.binary(max_size=20)), max_size=5),
)
def test_the_tagger_makes_the_same_tags_as_hmac(key: bytes, label: str, parts: list) -> None:
    """`Tagger` (used to check every entry of a vault at once) is HMAC-SHA256 by hand."""
    tagger = crypto.Tagger(key)
    tag = crypto.integrity_tag(key, label, *parts)
    assert tagger.tag(label, *parts) == tag
    assert tagger.ok(tag, label, *parts)
    assert not tagger.ok(None, label, *parts)
    assert not tagger.ok(bytes(32), label, *parts) or tag == bytes(32)
