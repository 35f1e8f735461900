"""The shapes of a listed name's parts, as regular expressions' text: its capitals and
lower-case letters, initials, the particles that open a surname and the surname itself
(read by :mod:`docsearch.extract.lists`)."""

from __future__ import annotations

# "Ó. Gunnarsson", "Þorsteinsson", and Latin Extended-A's letters ("Ł Wiśniewska", "Šimunić")
_EXTENDED = [chr(c) for c in range(0x100, 0x180)]
_CAPITAL = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED if c.isupper())
_LOWER = "a-zà-ÿ" + "".join(c for c in _EXTENDED if c.islower())
# (an Irish "Ó" before a surname is its particle, never an initial: "Ó Broin", "P Ó Riain")
_INITIALS = (rf"(?!Ó )(?:[{_CAPITAL}](?: (?!Ó )[{_CAPITAL}]){{1,2}}(?= )|[{_CAPITAL}]{{1,3}}"
             rf"|(?:[{_CAPITAL}]\.){{1,3}}|[{_CAPITAL}]-[{_CAPITAL}])")
# Gaelic and Welsh patronymic particles ("Mac", "Ó", "Ní", "Nic", "Uí", "ap", "ab") open a
# surname as "de" and "van" do ("C Mac Cárthaigh", "L ap Iorwerth"); after "Ó", "Ní" or "Uí"
# the surname may take an "h" in lower case before its capital ("K Ó hAodha").
_PARTICLE = (rf"(?:(?:[Dd]e|[Vv]an|von|der|den|[Dd]a|[Dd]i|[Dd]u|[Dd]el|della|[Ll]e|[Ll]a"
             rf"|[Nn]í|ni|[Nn]ic|[Mm]ac|Ó|Uí|ap|ab|bin|al|el)\s+){{0,2}}"
             rf"(?:(?:(?<=Ó )|(?<=Ní )|(?<=Uí ))h(?=[{_CAPITAL}]))?")
_SURNAME = (rf"(?:Ma?c)?[{_CAPITAL}][{_LOWER}]*(?:['’][{_CAPITAL}][{_LOWER}]+"
            rf"|-[{_CAPITAL}][{_LOWER}]+)*[{_LOWER}]")
