"""Whose mailbox it is (plain Python, no Django): a friend's own rejection, forwarded for advice, is not the
user's, though it reads exactly like one.

The user is known by their addresses and given names: the account's e-mail and first name, the IMAP user
name, and the address most letters of an import were sent to. A forward is someone else's when its original
went to another address and never names the user; an agency or a referrer passing on the user's own answer
names them ("thanks for sending Priya over"), so it stays the user's.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import getaddresses

from nextround.mail.parse import Mail

WORD = re.compile(r"\w+")


def given_name(display_name: str, address: str) -> str:
    """ "Priya Raman" -> "priya"; without a display name, the address's first part ("priya.raman@...")."""
    words = WORD.findall(display_name.lower()) or WORD.findall(address.partition("@")[0].lower())
    return words[0] if words else ""


@dataclass(frozen=True)
class Addressee:
    addresses: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # given names, lower case

    def someone_elses(self, mail: Mail) -> bool:
        if not (mail.forwarded and self.addresses):
            return False
        first = {address.lower() for _, address in getaddresses([mail.to]) if "@" in address}
        if not first or first & self.addresses:
            return False
        return not self.names & set(WORD.findall(mail.text.lower()))

    def joined(self, other: "Addressee") -> "Addressee":
        return Addressee(self.addresses | other.addresses, self.names | other.names)


NOBODY = Addressee()  # nothing known: no forward is taken for someone else's


def known(*, addresses: Iterable[str] = (), names: Iterable[str] = ()) -> Addressee:
    addresses = {a.strip().lower() for a in addresses if "@" in a}
    names = {n.lower() for n in names if n} | {given_name("", a) for a in addresses}
    return Addressee(frozenset(addresses), frozenset(n for n in names if n))


def most_written_to(recipients: Counter, names: dict, *, at_least: int | None = None) -> Addressee:
    """The address most letters went to (`recipients` counts them, `names` gives each one's given name);
    with `at_least`, every address that many letters went to (a set of letters to several people)."""
    if at_least is None:
        chosen = {address for address, _ in recipients.most_common(1)}
    else:
        chosen = {address for address, count in recipients.items() if count >= at_least}
    return Addressee(frozenset(chosen), frozenset(names[a] for a in chosen if names.get(a)))


def count_recipients(to_headers: Iterable[str], recipients: Counter, names: dict) -> None:
    """Count who the letters (not forwards) were sent to, remembering each address's given name."""
    for header in to_headers:
        for display, address in getaddresses([header]):
            if "@" in address:
                address = address.lower()
                recipients[address] += 1
                names.setdefault(address, given_name(display, address))
