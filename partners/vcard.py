"""Contacts as vCard 3.0, the format Outlook imports, written with vobject."""

from collections.abc import Iterable

import vobject


def contacts_to_vcard(contacts: Iterable) -> bytes:
    cards = []
    for contact in contacts:
        card = vobject.vCard()
        card.add("fn").value = contact.name
        parts = contact.name.rsplit(" ", 1)
        family, given = (parts[1], parts[0]) if len(parts) == 2 else (parts[0], "")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if contact.partner_id:
            card.add("org").value = [contact.partner.name]
        if contact.role:
            card.add("title").value = contact.role
        if contact.email:
            email = card.add("email")
            email.value = contact.email
            email.type_param = "INTERNET"
        if contact.phone:
            phone = card.add("tel")
            phone.value = contact.phone
            phone.type_param = "WORK"
        if contact.preferred_language:
            card.add("lang").value = contact.preferred_language
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")
