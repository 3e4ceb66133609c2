"""The phrases that give each kind of news away, and the words that put a letter in a job search at all.

Inputs of the message model among several (it weighs them), kept short and general: the model, not these
lists, decides. Also the cues the safety net and the rejection guard use (`nextround.mail.recognise`).
"""

import re

import numpy as np

# Phrases that give each kind of news away. One input of the model among several (it weighs them), kept
# short and general: the model, not this list, decides.
CUES = {
    kind: re.compile("|".join(patterns), re.I)
    for kind, patterns in {
        "rejection": (
            r"\bnot (?:be )?(?:moving|progressing|proceeding|taking|going) (?:forward|ahead|further|things)",
            r"\bdecided (?:not )?to (?:move|proceed|go|pursue|progress) (?:forward |ahead )?with "
            r"(?:other|another|someone)",
            r"\bnot (?:been )?(?:selected|successful|shortlisted)|\bunsuccessful",
            r"\b(?:position|role) has (?:now )?been filled|\boffer to (?:someone|another)",
            r"\b(?:won't|will not|unable to|cannot) (?:be able to )?(?:offer|extend|invite)",
            r"\bnot the right (?:match|fit)|\bclosed? (?:the|this) (?:search|req|role)",
            r"\bit[’']s a no\b|\bregret to inform|\bno longer (?:hiring|considering)",
            r"\bnot (?:been )?invited|\b(?:won[’']t|will not) be taking (?:this|it) (?:any )?further",
            r"\b(?:go|going|gone) (?:another|a different) (?:way|direction)|\bgoing to pass\b",
        ),
        "interview_invitation": (
            r"\binvite you to (?:an? )?(?:interview|call|chat)",
            r"\binterview (?:is|has been) (?:scheduled|booked|confirmed)",
            r"\bschedul\w+ (?:a|an|your) (?:interview|call)|\byour availability",
            r"\b(?:pick|book) a (?:time|slot)|\bphone screen|\bonsite|calendly|goodtime",
        ),
        "assessment": (
            r"\btake-home|\bassessment|\bcoding (?:challenge|test)",
            r"\btechnical (?:test|exercise|task|assignment)|hackerrank|codility|hirevue",
            r"\bcase study|\bskills test|\bquestionnaire|\bonline test",
        ),
        "application_received": (
            r"\breceived your application|\bwe've got your application|\backnowledg",
            r"\bapplication (?:was|has been|is) (?:received|submitted|complete)",
            r"\bthank(?:s| you) for (?:applying|your application|submitting)|\bconfirm (?:receipt|that we)",
        ),
        "offer": (
            r"\boffer (?:letter|of employment|details)|\bconditional offer",
            r"\b(?:pleased|delighted|thrilled|happy) to (?:offer|extend|make you)|\bextend (?:you )?an offer",
            r"\bbring you on board|\bwelcome (?:aboard|to the team)",
        ),
        "recruiter_outreach": (
            r"\bcame across your (?:profile|background)|\bopen to (?:new )?opportunit",
            r"\bwould you be (?:open|interested)|\breaching out|\bcaught my eye",
            r"\bconfidential search|\bworth a chat|\bi recruit",
        ),
        "status_update": (
            r"\bstill (?:under review|reviewing|being considered|interviewing|finishing)",
            r"\bstatus (?:of your application )?has changed|\bunder consideration|\btaking longer",
            r"\bhaven't forgotten|\bon hold|\bexpect to (?:have an update|be in touch|decide)",
            r"\b(?:under|in) review\b|\bnext stage of (?:our )?review|\breserve list",
            r"\b(?:forwarded|passed) to the hiring manager|\bcontact(?:ing)? (?:your )?referees",
        ),
        "other": (
            r"\bunsubscribe|\bjob alert|\bjobs? (?:you might|for you|matching|that match)",
            r"\bnewsletter|\bwebinar|\byour order|\breceipt|\bviewed your profile|\bapply now|\beasy apply",
        ),
    }.items()
}

DIGEST_LINE = re.compile(
    r"(?im)^.{0,80}\b(?:apply now|easy apply|actively recruiting|view job|see job|new job|"
    r"posted \d+|\d+ (?:days?|hours?) ago|promoted|be an early applicant)\b"
)
UNSUBSCRIBE = re.compile(r"(?i)\bunsubscribe|manage (?:your )?(?:alerts|preferences|notification)")
SCHEDULING = re.compile(
    r"(?i)calendly\.com|goodtime\.io|\bschedul|\bavailability\b|\bbook (?:a|your) (?:slot|time)"
)


# Words that put a letter in a job search at all: a "rejection" about a flat or a loan has none of them.
JOB_CONTEXT = re.compile(
    r"\b(?:role|position|post|jobs?|candida\w*|interview\w*|hiring|recruit\w*|talent|vacanc\w*|opening|"
    r"employ\w*|career\w*|hire|onsite|offer|appl(?:y|ied|ying|ications?|icants?)|shortlist\w*|"
    r"r[ée]sum[ée]|founders?)\b",
    re.I,
)


def cue_counts(text: str) -> np.ndarray:
    counts = [min(len(pattern.findall(text)), 3) / 3 for pattern in CUES.values()]
    counts.append(min(len(JOB_CONTEXT.findall(text)), 6) / 6)
    return np.array(counts, dtype=np.float32)


# A job word other than "application" and "offer", which allotments, loans, credit cards and college places
# use as well.
JOB_WORD = re.compile(
    JOB_CONTEXT.pattern.replace(r"appl(?:y|ied|ying|ications?|icants?)|", "").replace("|offer", ""), re.I
)
