"""Handing a person's story to a colleague, one person at a time, by the worker's hand.

`cards` (a worker's public card and its fingerprint in words), `words` (the fingerprint's
word lists), `colleagues` (the worker's keys and colleagues' cards, sealed in the vault),
`sending` (`hand_over`: one signed file, encrypted to the colleague alone) and
`receiving` (`read_handover`, `accept_handover`). No terminal, no Textual: the CLI and
the app build on these functions.
"""
