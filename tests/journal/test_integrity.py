"""The integrity key: derived from the master identity only, tags bound to every part."""

import pyrage

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
