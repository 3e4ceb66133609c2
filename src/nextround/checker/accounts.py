"""Candidate sentences that are not words to the employer, so the model leaves them to the rules (round 10):

- advice to other job seekers about answering a rejection ("Always send the thank-you", "Don't burn the
  bridge");
- a person's account of the polite reply they sent or the call they had ("I wrote back and thanked
  them", "Had the call with the hiring manager this morning"), as people post to a group or keep in notes;
- a polite check that an application arrived or is complete ("Could you confirm that my CV came
  through?"), which the model read as a demand or a why-question.

A reply quoted in an account is judged by its own words (round 11): the quotation after "replied:", "his
answer was", "Candidate wrote back:" is not blanked (quoted_reply), so "She replied: 'see you in court'" is a
threat and "I replied: 'Thanks, all the best'" is a polite account; other quotations (advice, a coach's
words) are still blanked.

Each is let through only when the sentence has no word of hostility, pressure or a reason asked for: "I
told her the process was rigged" and "This is the third time I've asked whether you got my CV" are read as
before. The rules still read every sentence, so their precise findings ("thanks for nothing") stand.
"""

import re

# A first-person account of one's own reply or call: "I wrote back", "So I replied", "Had the call with",
# "Just got off the phone", "Spoke to their HR lead", "She rang and I thanked her".
_ACCOUNT = re.compile(
    r"^(?:(?:so|and|then|anyway|update|well|ok|okay|today|tonight|yesterday|this (?:morning|afternoon|"
    r"evening))[,:]?\s+)?(?:I\s+(?:just\s+|then\s+|finally\s+|also\s+|have\s+|had\s+)?)?(?:just\s+)?"
    r"(?:wrote back|written back|replied|responded|answered|emailed (?:back|them|him|her)|"
    r"(?:rang|called|phoned|messaged)(?: (?:the|my|their) \w+)? (?:back|them|him|her)|"
    r"told (?:him|her|them|the (?:recruiter|manager|"
    r"hiring manager|panel|team))|thanked|sent (?:back )?(?:a|my|them|him|her)|got back to|"
    r"had (?:the|a|my|our) (?:\w+ )?(?:call|chat|debrief)|got off the phone|spoke (?:to|with))\b",
    re.IGNORECASE,
)
_POLITE = re.compile(
    r"\b(?:thank\w*|appreciat\w*|grateful|wish\w* (?:them|him|her|the team)|(?:good|best of) luck|"
    r"stay (?:in touch|in contact)|keep (?:me|my (?:cv|details)) (?:in mind|on file)|understood|"
    r"understand|made sense|kind|kindly|lovely|friendly|gracious|polite|"
    r"future (?:roles|openings|vacancies))\b",
    re.IGNORECASE,
)
# A polite check that an application, a document or a reference arrived or is complete.
_CHECK = re.compile(
    r"\b(?:confirm|check|make sure|making sure|double-check|let me know|tell me|know)\b[^.?!]{0,60}?"
    r"\b(?:application|cv|resume|r\u00e9sum\u00e9|documents?|references?|form|portfolio|cover letter|"
    r"certificates?|attachments?|upload)\b[^.?!]{0,50}?\b(?:arrived|came through|come through|went through|"
    r"gone through|got through|received|reached you|complete|completed|missing|attached|in order|uploaded)\b"
    r"|\b(?:confirm|check|make sure|making sure|double-check)\b[^.?!]{0,40}?\b(?:everything|all|it)\b"
    r"[^.?!]{0,20}?\b(?:arrived|received|complete|in order)\b[^.?!]{0,30}?\b(?:application|cv|documents?|"
    r"form|references?)\b",
    re.IGNORECASE,
)
# Hostility, pressure, a reason or an explanation asked for, or a lesson for the employer: such a sentence
# is read as usual however it opens.
_SHARP = re.compile(
    r"\b(?:why|how come|reason\w*|explain\w*|explanation|demand\w*|expect\w*|owe\w*|deserve\w*|insist\w*|"
    r"nothing(?! (?:is |was |else )?(?:missing|needed|outstanding))|wast\w*|joke|clowns?|"
    r"li(?:e|ed|es|ar|ars)|dishonest\w*|unfair\w*|rigged|bias\w*|"
    r"discriminat\w*|lawyer|solicitor|attorney|tribunal|sue|court|complain\w*|review\w*|glassdoor|"
    r"expos\w*|disgust\w*|pathetic|useless|incompetent|shame\w*|rude\w*|appalling|ridiculous|"
    r"again|still|third|fourth|fifth|another|today|tonight|immediately|asap|urgent\w*|ignor\w*|"
    r"nobody|no one|never|anyone|better|qualified|sarcas\w*|i'?m sure|i am sure|really|so much|wow|"
    r"great|brilliant|"
    r"wonderful|fantastic|amazing|lovely way|two-line|one-line|form (?:email|letter)|fuck\w*|shit\w*|"
    r"crap|damn|bloody|idiot\w*|regret\w*|warn\w*|consequences?|pay for|watch)\b|!|\?\?",
    re.IGNORECASE,
)
# Advice to other job seekers about answering a rejection ("Always send the thank-you", "Don't burn the
# bridge", "My advice: ask about other roles"): an imperative opening, a word about replying or keeping in
# touch, and no lesson aimed at the employer (candidates, manners, "me", "your company").
_ADVICE = re.compile(
    r"^(?:(?:my |one |a |quick |pro |top |golden )?(?:advice|tips?|rules?|lessons?|reminders?)"
    r"(?: (?:one|two|three|\d|#\d|number one))?(?: for [\w ]{1,30}?)?\s*[:\-\u2013]\s*)?"
    r"(?:always|never|don'?t|do not|remember(?: to)?|"
    r"make sure (?:you|to)|be sure to|try to|wait|keep|send|ask|sleep on it)\b",
    re.IGNORECASE,
)
_ETIQUETTE = re.compile(
    r"\b(?:thank-you|thank you|thanks|thank them|bridges?|reply|replying|respond|answer|answering|write back|"
    r"writing back|rejections?|personally|angry|upset|gracious|polite|kind|linkedin|stay in touch|"
    r"keep in touch|other (?:roles|openings|vacancies)|future (?:roles|openings)|sleep on it|a day)\b",
    re.IGNORECASE,
)
_LESSON = re.compile(
    r"\b(?:me|my|i|candidates?|applicants?|people|someone|anyone|next time|courtesy|manners|decency|respect|"
    r"treat\w*|bother\w*|you lot|your (?:emails?|phone|company|team|firm|recruiters?|process|candidates?|"
    r"applicants?|hr))\b",
    re.IGNORECASE,
)
_CONTENT = re.compile(
    r"\b(?:told|tell|said|say|saying|asked|ask|asking|that|they|they'd|they'll|you|your|their|it|them)\b"
    r"[^.?!]{3,}|:",
    re.IGNORECASE,
)
# What comes just before a quotation that is someone's reply to a rejection ("I replied:", "his answer was",
# "Candidate wrote back -", "the reply we got:", "she texted back"): the quoted words are the reply, and the
# reply is what counts. "said" and "told me" are left out: they introduce advice as often as replies.
_REPLY_FRAME = re.compile(
    r"\b(?:repl(?:y|ies|ied)|respon(?:se|ses|ded|d)|answer(?:s|ed)?|wrote back|written back|write back|"
    r"came back|fired back|emailed back|texted(?: back)?|messaged back|sent back|got back|"
    r"(?:sent|wrote|emailed|texted) (?:us|me|them|him|her|this|the recruiter|the team))"
    r"(?:\b[^.?!\"\u201c\u201d]{0,50}?)?[\s,:\-\u2013\u2014]*$",
    re.IGNORECASE,
)
# Every _REPLY_FRAME match contains one of these (lower case): most quotations cost a few substring tests.
_REPLY_HINTS = ("repl", "respon", "answer", "back", "sent", "wrote", "emailed", "texted")


def quoted_reply(text: str, quote_start: int) -> bool:
    """Whether the quotation opening at `quote_start` in `text` is a reply reported in an account."""
    before = text[max(0, quote_start - 90) : quote_start]
    lowered = before.lower()
    return any(hint in lowered for hint in _REPLY_HINTS) and bool(_REPLY_FRAME.search(before))


_BLANK_QUOTE = re.compile(r"[:,]?\s*[\"\u201c'] *[\"\u201d']")
# Every _CHECK match contains one of these (lower case): a substring test spares the search on most text.
_CHECK_HINTS = ("confirm", "check", "make sure", "making sure", "let me know", "tell me", "know")
_QUOTE_MARKS = ("'", '"', "\u201c", "\u2018")
_OPENING_MARKS = ('"', "\u201c", "\u2018", " '", ":'")
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s:(\-\u2013\u2014]))[\"\u201c\u2018']")


# Every _ADVICE or _ACCOUNT match has one of these among its first six words, and every _CHECK match has
# one of _CHECK_HINTS: most sentences cost a set test and a few substring tests (this runs on every
# sentence a candidate writes).
_OPENING_WORD_LIST = (
    "wrote", "written", "replied", "responded", "answered", "emailed", "rang", "called", "phoned", "messaged",
    "told", "thanked", "sent", "got", "had", "spoke", "advice", "tip", "tips", "rule", "rules", "lesson",
    "lessons", "reminder", "reminders", "always", "never", "don't", "dont", "do", "remember", "make", "be",
    "try", "wait", "keep", "send", "ask", "sleep",
)  # fmt: skip
_OPENING_WORDS = frozenset(_OPENING_WORD_LIST)
_PUNCTUATION = ",:;.-!?'\"\u2013"


def _reply_quote(text: str) -> int:
    """Where a reply quoted in an account opens in `text` (round 11), or -1."""
    for match in _OPENING_QUOTE.finditer(text):
        # A blanked quotation (spaces after the mark) has no words to judge.
        if text[match.end() : match.end() + 1].strip() and quoted_reply(text, match.start()):
            return match.start()
    return -1


def _has_any(text: str, pieces: tuple[str, ...]) -> bool:
    # A plain loop: any() over a generator costs more than the substring tests (this runs on every
    # sentence a candidate writes).
    for piece in pieces:  # noqa: SIM110
        if piece in text:
            return True
    return False


def _polite_sentence(text: str) -> bool:
    lowered = text.lower()
    checking = _has_any(lowered, _CHECK_HINTS)
    # Quotations other than replies arrive blanked (classifier.blank_quotes); a reply's words are judged.
    # An opening quotation mark (not an apostrophe inside "don't") and a word of replying, before the search.
    opens = _has_any(text, _OPENING_MARKS) or text[:1] == "'"
    reply = _reply_quote(text) if opens and _has_any(lowered, _REPLY_HINTS) else -1
    if (
        not checking
        and reply < 0
        and _OPENING_WORDS.isdisjoint([word.strip(_PUNCTUATION) for word in lowered.split(None, 6)[:6]])
    ):
        return False
    # The anchored openings first and the long search for sharp words last.
    advice = _ADVICE.match(text)
    if advice and _ETIQUETTE.search(text) and not _LESSON.search(text[advice.end() :]):
        # The opening may be "never" ("Never reply while you're angry"): only the rest must not be sharp.
        return not _SHARP.search(text[advice.end() :])
    if reply >= 0:
        # "I replied: 'Thanks, and all the best'", "Her answer was: 'Understood, thank you'": the reply
        # itself must be polite, whatever the frame says ("I replied kindly: '...'" proves nothing).
        polite = bool(_POLITE.search(text, reply))
    else:
        if any(mark in text for mark in _QUOTE_MARKS):
            text = _BLANK_QUOTE.sub(" ", text).strip()
        if _ACCOUNT.match(text):
            # An account with a polite word, or a short one that says only that it happened (nothing
            # said is reported in it: "I wrote back and told them they'd regret it" is read as usual).
            polite = bool(_POLITE.search(text)) or (len(text.split()) <= 12 and not _CONTENT.search(text))
        else:
            polite = checking and bool(_CHECK.search(text))
    return polite and not _SHARP.search(text)


def exempt_spans(sentences) -> tuple[tuple[int, int], ...]:
    """(start, end) of each of `sentences` (from nextround.semantic.split_sentences, quotations blanked)
    that is an account of a polite reply or call, advice to job seekers, or a polite check on an
    application."""
    return tuple((s.start, s.end) for s in sentences if _polite_sentence(s.text.strip()))
