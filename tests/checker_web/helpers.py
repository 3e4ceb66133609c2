"""Read what a person (or a screen reader) gets from the checker's HTML, and find real rules to test with."""

from html.parser import HTMLParser

from nextround.checker import check
from nextround.checker.loader import ruleset_for

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self, skip=lambda node: False) -> str:
        return "".join(
            child if isinstance(child, str) else ("" if skip(child) else child.text(skip))
            for child in self.children
        )

    def find_all(self, predicate):
        for child in self.children:
            if isinstance(child, Node):
                if predicate(child):
                    yield child
                yield from child.find_all(predicate)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str | bytes) -> Node:
    builder = _Builder()
    builder.feed(html.decode() if isinstance(html, bytes) else html)
    builder.close()
    return builder.root


def by_class(root: Node, name: str) -> list[Node]:
    return list(root.find_all(lambda node: name in node.classes))


def by_tag(root: Node, tag: str) -> list[Node]:
    return list(root.find_all(lambda node: node.tag == tag))


def finding_items(root: Node) -> list[Node]:
    """The findings listed under `root` (not the lists nested inside a finding's explanation)."""
    return [node for node in by_tag(root, "li") if "finding" in node.classes]


def by_id(root: Node, id_: str) -> Node:
    found = list(root.find_all(lambda node: node.attrs.get("id") == id_))
    assert len(found) == 1, f"expected one element with id {id_!r}, found {len(found)}"
    return found[0]


def visible_message(node: Node) -> str:
    """The text of the marked copy as the writer reads it: without the screen-reader prefixes and tags."""
    return node.text(skip=lambda child: "sr-only" in child.classes or "hl__tag" in child.classes)


def replaceable_example():
    """(audience, text, finding) for a real rule example whose finding has a drop-in replacement, or None."""
    for audience in ("candidate", "employer"):
        for rule in ruleset_for(audience).rules:
            for text in rule.examples_flag:
                for finding in check(text, audience):
                    if finding.replacement is not None:
                        return audience, text, finding
    return None
