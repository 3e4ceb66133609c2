"""Write training/mail/dev.jsonl: the team's own labelled mail, for training and tuning the recogniser.

Deterministic (a fixed seed): run `python training/mail/build_dev.py` and the file comes out the same.
Each message is put together from hand-written pieces in the styles of the applicant-tracking systems
(greeting, the sentences that carry the news, filler, sign-off, footer), so that the decisive sentence sits
where real letters bury it. See training/mail/DATASHEET.md. The blind set (tests/mail/corpus/blind.jsonl)
was written separately, first, and is never read here.
"""

import datetime as dt
import json
import random
import re
from email.utils import format_datetime
from pathlib import Path

OUT = Path(__file__).with_name("dev.jsonl")
rng = random.Random(20260313)

COMPANIES = [
    ("Northwind Analytics", "northwind.io"),
    ("Brightwave", "brightwave.com"),
    ("Quantive Labs", "quantive.ai"),
    ("Helio Health", "heliohealth.com"),
    ("Kestrel Bank", "kestrelbank.co.uk"),
    ("Lumen Mobility", "lumenmobility.de"),
    ("Orbital Foods", "orbitalfoods.com"),
    ("Pinecrest Software", "pinecrest.dev"),
    ("Marlow & Finch", "marlowfinch.com"),
    ("Tidewater Energy", "tidewater-energy.com"),
    ("Copperleaf", "copperleaf.io"),
    ("Vantage Retail Group", "vantageretail.com"),
    ("Saffron Games", "saffrongames.com"),
    ("Atlas Logistics", "atlas-logistics.com"),
    ("Blue Heron Insurance", "blueheron.com"),
    ("Fjord Systems", "fjordsystems.no"),
    ("Meridian Health Partners", "meridianhp.org"),
    ("Cobalt Robotics", "cobaltrobotics.com"),
    ("Greenfield Education", "greenfield.edu"),
    ("Parcelpoint", "parcelpoint.eu"),
    ("Sable Security", "sablesec.com"),
    ("Nimbus Cloud", "nimbuscloud.com"),
    ("Oakridge Consulting", "oakridge.consulting"),
    ("Redline Media", "redlinemedia.tv"),
    ("Harbor & Vine", "harborvine.com"),
    ("Zephyr Travel", "zephyrtravel.com"),
    ("Ironclad Manufacturing", "ironclad-mfg.com"),
    ("Polaris Biotech", "polarisbio.com"),
    ("Juniper Payments", "juniperpay.com"),
    ("Evergreen Housing", "evergreenhousing.org"),
]
ROLES = [
    "Data Analyst",
    "Senior Data Analyst",
    "Product Manager",
    "Senior Backend Engineer",
    "Frontend Developer",
    "UX Researcher",
    "Marketing Manager",
    "Customer Success Manager",
    "Financial Analyst",
    "DevOps Engineer",
    "Machine Learning Engineer",
    "Operations Coordinator",
    "Technical Writer",
    "Sales Development Representative",
    "Project Manager",
    "QA Engineer",
    "Business Intelligence Developer",
    "Content Strategist",
    "HR Generalist",
    "Software Engineer II",
    "Staff Data Scientist",
    "Account Executive",
    "Supply Chain Analyst",
    "Product Designer",
]
FIRST = [
    "Sarah",
    "Tom",
    "Priya",
    "Lukas",
    "Maya",
    "James",
    "Aisha",
    "Daniel",
    "Elena",
    "Kenji",
    "Chloe",
    "Marco",
    "Fatima",
    "Oliver",
    "Hannah",
    "Diego",
    "Nora",
    "Samuel",
    "Ingrid",
    "Ravi",
]
LAST = [
    "Patel",
    "Nguyen",
    "Schmidt",
    "Okafor",
    "Murphy",
    "Rossi",
    "Kowalski",
    "Berg",
    "Haddad",
    "Tanaka",
    "Lopez",
    "Fischer",
    "Brennan",
    "Mensah",
    "Dubois",
    "Larsen",
    "Ahmed",
    "Costa",
    "Walsh",
    "Kim",
]
ME = ("Alex Morgan", "alex.morgan@fastmail.com")
FRIENDS = [
    ("Jamie Carter", "jamie.carter@gmail.com"),
    ("Robin Achebe", "robin.achebe@outlook.com"),
    ("Sam Ortiz", "sam.o@icloud.com"),
    ("Mum", "helen.morgan@btinternet.com"),
]

# --- the systems' envelopes ------------------------------------------------------------------------------


def person():
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def ats_sender(system, company, domain):
    slug = company.split()[0].lower().replace("&", "")
    return {
        "greenhouse": (
            f"{company} Hiring Team",
            rng.choice(["no-reply@us.greenhouse-mail.io", "no-reply@greenhouse.io"]),
        ),
        "lever": (rng.choice([company, f"{person()} at {company}"]), "no-reply@hire.lever.co"),
        "ashby": (f"{company} Recruiting", "no-reply@ashbyhq.com"),
        "workday": (rng.choice([f"{company} Careers", f"{company}"]), f"{slug}@myworkday.com"),
        "smartrecruiters": (
            f"{company}",
            rng.choice(["noreply@smartrecruiters.com", f"{slug}@smartrecruiters-mail.com"]),
        ),
        "icims": (f"{company} Talent Acquisition", f"careers-{slug}@icims.com"),
        "teamtailor": (f"{company}", rng.choice(["no-reply@teamtailor.com", f"{slug}@teamtailor-mail.com"])),
        "direct": None,
    }[system]


FOOTERS = {
    "greenhouse": "\n\n---\nPowered by Greenhouse. {company} uses Greenhouse to manage applications. To learn how we "
    "process your personal data, read our candidate privacy notice. If you no longer wish to receive "
    "emails about this application, you can unsubscribe.",
    "lever": "\n\nSent with Lever · Privacy Policy · This message was sent to {to} on behalf of {company}.",
    "ashby": "\n\nThis email was sent by {company} through Ashby. Questions about your data? See {company}'s privacy "
    "policy or reply to your recruiter.",
    "workday": "\n\nPlease do not reply to this email. This mailbox is not monitored. To review the status of your "
    "application, sign in to your candidate home account. © {company}. All rights reserved. "
    "Privacy | Terms of Use",
    "smartrecruiters": "\n\nThis email was sent via SmartRecruiters on behalf of {company}. SmartRecruiters Inc., 225 Bush "
    "Street, San Francisco. Manage your notification preferences.",
    "icims": "\n\n*** This is an automated message; replies are not read. *** {company} is an equal opportunity employer. "
    "All qualified applicants will receive consideration for employment without regard to race, colour, "
    "religion, sex, national origin, disability or veteran status.",
    "teamtailor": "\n\nYou are receiving this email because you applied for a job at {company}. We process your data "
    "according to our privacy policy. Powered by Teamtailor.",
    "direct": "",
}
SYSTEMS = ["greenhouse", "lever", "ashby", "workday", "smartrecruiters", "icims", "teamtailor", "direct"]

GREETINGS = [
    "Hi {first},",
    "Dear {first},",
    "Hello {first},",
    "Hi {first}!",
    "Dear {full},",
    "{first},",
    "Hi there,",
    "Dear Candidate,",
    "Good afternoon {first},",
]
SIGNOFFS = [
    "Best regards,\n{sig}",
    "Kind regards,\n{sig}",
    "Thanks,\n{sig}",
    "All the best,\n{sig}",
    "Warm regards,\n{sig}",
    "Cheers,\n{sig}",
    "Sincerely,\n{sig}",
    "Best,\n{sig}",
]

# --- what the letters say ---------------------------------------------------------------------------------

THANKS_OPEN = [
    "Thank you for your interest in the {role} position at {company}.",
    "Thanks so much for taking the time to apply for the {role} role with us.",
    "Thank you for applying to {company} and for your patience while we reviewed applications.",
    "We really appreciate the time you invested in our interview process for the {role} role.",
    "Thank you for speaking with our team about the {role} opening at {company}.",
    "I wanted to thank you personally for meeting with us over the past few weeks.",
    "Thanks for your application for {role}.",
    "We appreciate your interest in joining {company}.",
    "It was a pleasure getting to know you during the interviews for {role}.",
    "Thank you for considering {company} as the next step in your career.",
]
REJECT = [
    "After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.",
    "Unfortunately, we will not be progressing your application any further.",
    "We regret to inform you that we have decided not to move forward with your application at this time.",
    "The position has now been filled, so we are closing your application.",
    "After much deliberation, we've chosen to pursue another candidate for this role.",
    "While your background is impressive, we have decided to proceed with candidates who are a closer fit for the role.",
    "I'm sorry to let you know that we won't be moving ahead with your candidacy.",
    "We have reviewed your application and unfortunately you have not been selected for the next stage.",
    "On this occasion your application has been unsuccessful.",
    "We've decided to go in a different direction for this position.",
    "Unfortunately we are unable to offer you the position.",
    "The hiring team has decided not to proceed with your application.",
    "We have now completed our selection process and regret that we will not be taking your application further.",
    "Sadly, we won't be offering you a role on the team this time.",
    "After reviewing all applications, we have decided to pursue other applicants for the {role} position.",
    "I'm afraid we've decided not to extend an offer.",
    "We've made the difficult decision to move forward with someone else.",
    "The role has been cancelled due to a change in our hiring plans, so we are closing all applications, including yours.",
    "Your profile was strong, but we have selected a candidate whose experience aligns more closely with the team's current needs.",
    "We will not be able to invite you to the next round of interviews.",
    "Unfortunately, we have decided that your application will not be progressing.",
    "Following your interview, we have decided not to offer you the position.",
    "We regret that we cannot offer you a position at this time.",
    "I'm writing to let you know that we've filled the {role} role with an internal candidate.",
]
REJECT_SOFTEN = [
    "This was a very competitive process and the decision was not easy.",
    "We received a large number of applications from highly qualified candidates.",
    "Please know this decision was not a reflection of your talents.",
    "We know this is not the news you were hoping for.",
    "",
    "",
]
REAPPLY = [
    "We encourage you to keep an eye on our careers page and apply for future roles that match your skills.",
    "We'd love to stay in touch, and we will keep your details on file for future openings.",
    "Please don't let this discourage you from applying again in the future.",
    "We wish you every success in your job search.",
    "We hope you'll consider {company} again for future opportunities.",
    "Due to the volume of applications, we are unable to provide individual feedback.",
    "Best of luck with your search, and thank you again for your interest.",
    "",
]
FEEDBACK = [
    "The panel felt your product sense was strong, but they were looking for someone with more hands-on experience running A/B tests at scale.",
    "The team noted that your take-home was well structured, though the SQL section did not quite demonstrate the depth we need.",
    "We felt that your system design answers lacked detail on how you would handle failure and scaling.",
    "The hiring manager was impressed by your portfolio but was looking for deeper experience with enterprise clients.",
    "Your case study presentation was clear, but we were looking for stronger stakeholder management examples.",
    "Specifically, the interviewers felt you would benefit from broader exposure to financial modelling.",
    "The main gap the team identified was production experience with Kubernetes.",
    "Our feedback is that your answers on prioritisation were strong but your examples of leading without authority were thin.",
]
INTERVIEW = [
    "We'd love to invite you to a 30-minute phone screen with {recruiter} to learn more about your experience.",
    "We would like to invite you to the next stage: a video interview with the hiring manager.",
    "Please use the link below to pick a time that suits you for your first interview: https://calendly.com/{slug}-talent/30min",
    "Could you let me know your availability next week for a call with the team?",
    "You have been shortlisted for an interview. Please book a slot using this scheduling link: https://app.goodtime.io/s/{slug}",
    "We're excited to move you forward to the onsite round, which consists of four 45-minute conversations.",
    "I'm pleased to invite you to a technical interview on Thursday at 14:00 CET; a calendar invitation will follow.",
    "The team enjoyed your first conversation and would like to schedule a second-round interview.",
    "We'd like to set up a final interview with our VP of Engineering. Are you free on Tuesday or Wednesday afternoon?",
    "Your interview has been scheduled for Monday, 9 March at 10:30. You will receive a Microsoft Teams link.",
    "Congratulations, you've progressed to the interview stage! Select your preferred time in the candidate portal.",
    "I'd love to grab 20 minutes to talk about your application; what does your calendar look like this week?",
]
ASSESSMENT = [
    "As the next step, we'd like you to complete a short online assessment. You will have 7 days to finish it.",
    "Please find attached our take-home exercise. We expect it to take around three hours; send it back within a week.",
    "You have been invited to complete a HackerRank coding challenge: https://www.hackerrank.com/test/{slug}",
    "The next step in our process is a case study, which you will present to the panel.",
    "Please complete the Codility test linked below within the next 5 days.",
    "We use a short personality and cognitive ability questionnaire at this stage; the link is valid for 72 hours.",
    "Before your interview, please complete the written task attached: a one-page proposal for our onboarding flow.",
    "To continue, record a short video interview on HireVue answering four questions. The link expires on Friday.",
    "We'd like to send you a technical assignment. Reply to this email to confirm and we'll share the repository.",
]
RECEIVED = [
    "We have received your application for the {role} position.",
    "This is to confirm that your application to {company} was submitted successfully.",
    "Thanks for applying! Our team will review your application and get back to you if your profile matches the role.",
    "Your application has been received and is being reviewed by our recruitment team.",
    "We've got your application for {role} and will be in touch within two weeks.",
    "Thank you for submitting your application. A member of our talent team will review it shortly.",
    "We confirm receipt of your application. Due to the volume we receive, we can only contact shortlisted candidates.",
    "Your application for {role} (job ID R-{req}) is complete.",
    "Success! You applied for {role} at {company}.",
]
RECEIVED_EXTRA = [
    "In the meantime, feel free to learn more about our culture on our blog.",
    "You can check the status of your application at any time in your candidate profile.",
    "If you do not hear from us within four weeks, please assume that your application has not been successful this time.",
    "",
    "",
]
OFFER = [
    "I'm delighted to offer you the position of {role} at {company}!",
    "Congratulations! We are thrilled to extend you an offer to join the team as {role}.",
    "Please find attached your offer letter for the {role} role, with a start date of 1 June.",
    "We'd like to make you a formal offer; the details of salary and benefits are in the attached letter.",
    "On behalf of the whole team, I'm happy to let you know we want you to join us as our new {role}.",
    "We are pleased to confirm our verbal offer in writing. Please sign and return the contract by Friday.",
]
OUTREACH = [
    "I came across your profile and think you'd be a great fit for a {role} role we're hiring for at {company}.",
    "I'm a recruiter at {company} and your background in analytics caught my eye. Would you be open to a chat?",
    "We're building out our platform team and I'd love to tell you about a {role} opportunity.",
    "Are you open to new opportunities? I have a {role} position with a fast-growing client that matches your experience.",
    "Your experience looks like a strong match for a role I'm recruiting for. Do you have 15 minutes this week?",
    "I hope you don't mind me reaching out directly. {company} is hiring a {role} and I immediately thought of you.",
    "I lead talent at {company}; we're quietly looking for a {role} and your name came up.",
]
STATUS = [
    "We wanted to let you know that your application is still under review.",
    "The hiring team is still reviewing applications for the {role} position and we expect to have an update within two weeks.",
    "Thank you for your patience. Our process is taking longer than expected, but you are still being considered.",
    "Just a quick update: we are finishing interviews this week and will let everyone know the outcome by Friday.",
    "The {role} role has been put on hold while we review our budget. Your application remains active and we'll be in touch.",
    "Your application status has changed. Log in to your candidate account to see the latest update.",
    "We've received your references and are now completing the final checks.",
    "Good news: your application has moved to the next step of our review. We will contact you about next steps soon.",
    "Our hiring manager is out this week, so there is a short delay; we haven't forgotten you.",
]

# --- the messages -----------------------------------------------------------------------------------------


def fill(text, **values):
    text = text.format(**values).replace("  ", " ")
    # A letter that does not name the role says "this role", not "the this role".
    return re.sub(r"\b(?:the|our|a|an) this\b", "this", text).replace("for this.", "for this role.")


def letter(kind, n):
    company, domain = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    name_role = rng.random() < 0.75
    system = rng.choice(SYSTEMS)
    recruiter = person()
    values = dict(
        company=company,
        role=role if name_role else "this",
        first=ME[0].split()[0],
        full=ME[0],
        recruiter=recruiter,
        slug=company.split()[0].lower(),
        req=rng.randint(10000, 99999),
    )
    sig_choices = [
        f"{recruiter}\n{rng.choice(['Talent Acquisition', 'Senior Recruiter', 'People Team', 'Technical Recruiter'])} | {company}",
        f"The {company} Recruiting Team",
        f"{company} Talent Team",
        recruiter.split()[0],
    ]
    values["sig"] = rng.choice(sig_choices)
    feedback = ""
    if kind == "rejection":
        parts = [rng.choice(THANKS_OPEN), rng.choice(REJECT_SOFTEN), rng.choice(REJECT)]
        if rng.random() < 0.25:
            feedback = fill(rng.choice(FEEDBACK), **values)
            parts.append(feedback)
        parts += [rng.choice(REAPPLY), rng.choice(REAPPLY)]
        if rng.random() < 0.5:  # buried: the news in the middle of the thanks
            parts[0], parts[1] = parts[1], parts[0]
        subjects = [
            "Your application to {company}",
            "Update on your application",
            "{company} - {role}",
            "Regarding your application for {role}",
            "Thank you for your interest in {company}",
            "Your {company} application",
            "Important information about your application",
            "{role} at {company}",
            "Following up on your interview",
        ]
    elif kind == "interview_invitation":
        parts = [
            rng.choice(THANKS_OPEN[:3] + ["Great news!", "Thanks for your application."]),
            rng.choice(INTERVIEW),
            rng.choice(
                ["Looking forward to speaking with you.", "Let me know if you have any questions.", ""]
            ),
        ]
        subjects = [
            "Interview invitation: {role}",
            "Next steps with {company}",
            "{company} - let's chat!",
            "Invitation to interview for {role}",
            "Scheduling your interview with {company}",
            "Your application to {company}",
            "Re: {role} application",
        ]
    elif kind == "assessment":
        parts = [
            rng.choice(THANKS_OPEN[:3] + ["We enjoyed reviewing your application."]),
            rng.choice(ASSESSMENT),
            rng.choice(["Good luck!", "If you need adjustments or more time, just let us know.", ""]),
        ]
        subjects = [
            "Next step: assessment for {role}",
            "{company} take-home exercise",
            "Your coding challenge",
            "Action required: complete your assessment",
            "{company} | {role} - online test",
        ]
    elif kind == "application_received":
        parts = [
            rng.choice(RECEIVED),
            rng.choice(RECEIVED_EXTRA),
            rng.choice(["Thanks again for your interest!", ""]),
        ]
        subjects = [
            "Thank you for applying to {company}",
            "Application received: {role}",
            "We've received your application",
            "Your application to {company}",
            "{company} - application confirmation",
            "Thanks for applying!",
        ]
    elif kind == "offer":
        parts = [
            rng.choice(OFFER),
            rng.choice(
                [
                    "Everyone you met was excited about you.",
                    "Let's find a time to go through the details.",
                    "",
                ]
            ),
            rng.choice(
                ["Please let us know your decision by the end of next week.", "Welcome aboard (almost)!", ""]
            ),
        ]
        subjects = [
            "Offer letter - {role}",
            "Your offer from {company}",
            "Congratulations from {company}!",
            "{company}: offer of employment",
            "Great news about the {role} role",
        ]
        system = rng.choice(["direct", "direct", "greenhouse", "ashby"])
    elif kind == "recruiter_outreach":
        parts = [
            rng.choice(["I hope this finds you well.", "Hope you're having a good week.", ""]),
            rng.choice(OUTREACH),
            rng.choice(
                [
                    "The role is hybrid, with two days a week in the office.",
                    "Salary range is competitive and fully remote is possible.",
                    "",
                ]
            ),
            rng.choice(["Let me know if you'd be interested!", "Happy to share the job description.", ""]),
        ]
        subjects = [
            "{role} opportunity at {company}",
            "Quick question",
            "Your profile",
            "Exciting opportunity",
            "{company} is hiring",
            "Interested in a new challenge?",
        ]
        system = "direct"
    else:  # status_update
        parts = [
            rng.choice(["Thank you for applying for {role}.", "Thanks for your patience.", "", "Hi again,"]),
            rng.choice(STATUS),
            rng.choice(["We appreciate your patience.", "Thanks for bearing with us.", ""]),
        ]
        subjects = [
            "Update on your application",
            "Your application status",
            "{role} - status update",
            "A quick update from {company}",
            "Your application to {company}",
        ]
    # A role named only in the subject still counts as named.
    subject = fill(rng.choice(subjects), **{**values, "role": role})
    role_named = name_role or "{role}" in subject or role in subject
    body = "\n\n".join(
        p
        for p in [fill(rng.choice(GREETINGS), **values)]
        + [fill(p, **values) for p in parts if p]
        + [fill(rng.choice(SIGNOFFS), **values)]
    )
    if role not in body and role not in subject:
        role_named = False
    envelope = ats_sender(system, company, domain)
    if envelope is None:
        envelope = (recruiter, f"{recruiter.split()[0].lower()}.{recruiter.split()[1].lower()}@{domain}")
        system = "direct"
    body += fill(FOOTERS[system].replace("{to}", ME[1]), **values) if FOOTERS[system] else ""
    return dict(
        from_=envelope,
        subject=subject,
        text=body,
        expect={"type": kind, "company": company, "role": role if role_named else "", "feedback": feedback},
    )


DIGEST_ROLES = ["Data Analyst", "Senior Data Analyst", "Analytics Engineer", "BI Analyst", "Product Analyst"]


def other(n):
    style = n % 9
    company, domain = rng.choice(COMPANIES)
    if style == 0:  # LinkedIn job alert
        jobs = rng.sample(COMPANIES, 5)
        lines = [
            f"{rng.choice(DIGEST_ROLES)}\n{c} · Berlin (Hybrid)\nActively recruiting · Easy Apply"
            for c, _ in jobs
        ]
        return dict(
            from_=("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
            subject=f"{rng.randint(12, 40)} new jobs for “data analyst”",
            text="Your job alert for data analyst in Berlin\n\n"
            + "\n\n".join(lines)
            + "\n\nSee all jobs\n\nYou are receiving Job Alert emails. Unsubscribe · Help\n© LinkedIn Corporation",
        )
    if style == 1:  # Indeed digest with rejection-ish words
        jobs = rng.sample(COMPANIES, 4)
        lines = [
            f"{rng.choice(ROLES)} - {c}\nApply now. Responds to applications within 3 days." for c, _ in jobs
        ]
        return dict(
            from_=("Indeed", "alert@indeed.com"),
            subject="Jobs you might like, based on your search",
            text="Don't let a rejection slow you down: new jobs matching your search were posted today.\n\n"
            + "\n\n".join(lines)
            + "\n\nManage alerts. Indeed respects your privacy.",
        )
    if style == 2:  # career newsletter about rejections
        topic = rng.choice(
            [
                "How to bounce back after a job rejection",
                "Why companies ghost candidates",
                "The interview question that gets you hired",
                "5 ways to follow up after an interview",
            ]
        )
        return dict(
            from_=("The Career Letter", "hello@careerletter.substack.com"),
            subject=topic,
            text=f"{topic}\n\nThis week: rejection is part of every job search. Most candidates hear "
            "'we have decided to move forward with other candidates' dozens of times. Here's how to "
            "ask for feedback without burning a bridge, and how to keep your pipeline full.\n\n"
            "Read more on the web. You're receiving this because you subscribed. Unsubscribe.",
        )
    if style == 3:  # a friend mentions rejection
        friend = rng.choice(FRIENDS)
        text = rng.choice(
            [
                f"Hey! Ugh, I got a rejection from {company} today, they said they went with someone more senior. "
                "Fancy a drink on Friday to cheer me up?",
                f"Hi love, sorry to hear about the rejection. Don't let it get you down, {company} don't know what "
                "they're missing. Call me this weekend? x",
                "Did you hear back from that interview? I was rejected from two places this week, so I feel you. "
                "Let's do a CV swap on Sunday.",
                f"Quick one: my cousin works at {company} and says they're hiring analysts. Want me to pass your CV on?",
            ]
        )
        return dict(
            from_=friend,
            subject=rng.choice(["hey", "Friday?", "Re: how did it go?", "thinking of you"]),
            text=text,
        )
    if style == 4:  # shopping / bank / service
        text, subject, sender = rng.choice(
            [
                (
                    "Your order #48213 has shipped and will arrive on Thursday. Track your parcel in the app.",
                    "Your order is on its way",
                    ("Parcelshop", "orders@parcelshop.com"),
                ),
                (
                    "Your monthly statement is ready. Log in to online banking to view it.",
                    "Your statement is ready",
                    ("Kestrel Bank", "statements@kestrelbank.co.uk"),
                ),
                (
                    "Unfortunately we were unable to process your payment. Please update your card details.",
                    "Payment failed",
                    ("StreamFlix", "billing@streamflix.com"),
                ),
                (
                    "Your application for a library card has been received and approved. Welcome!",
                    "Library card",
                    ("City Library", "noreply@citylibrary.org"),
                ),
            ]
        )
        return dict(from_=sender, subject=subject, text=text)
    if style == 5:  # Glassdoor / company reviews newsletter
        return dict(
            from_=("Glassdoor", "noreply@glassdoor.com"),
            subject=f"{company} has new reviews",
            text=f"See what employees say about working at {company}. 'Great culture, slow promotions.' "
            f"Plus 6 new jobs at {company} and similar companies: {rng.choice(ROLES)}, {rng.choice(ROLES)}.\n\n"
            "Unsubscribe from these emails.",
        )
    if style == 6:  # webinar / event
        return dict(
            from_=(f"{company} Events", f"events@{domain}"),
            subject="You're invited: Data Leaders Summit",
            text=f"Join {company} for an evening of talks on analytics leadership. Register now; places are "
            "limited. We will send you the joining link after registration.",
        )
    if style == 7:  # LinkedIn social notification
        return dict(
            from_=("LinkedIn", "messages-noreply@linkedin.com"),
            subject=f"{person()} viewed your profile",
            text="You appeared in 14 searches this week. See who's viewing your profile with Premium. "
            "Hiring managers are looking at profiles like yours. Try Premium for free.",
        )
    return dict(
        from_=("Welcome to the Jungle", "newsletter@welcometothejungle.com"),
        subject="This week's top remote jobs",
        text="Remote jobs this week: "
        + ", ".join(f"{rng.choice(ROLES)} at {c}" for c, _ in rng.sample(COMPANIES, 6))
        + ". Plus: how to answer 'why are you leaving your job?'. Apply today. Unsubscribe.",
    )


NOT_JOB_REJECTIONS = [
    ("Kestrel Bank Lending", "lending@kestrelbank.co.uk", "Your loan application",
     "Thank you for applying for a personal loan. Unfortunately, we are unable to approve your application at "
     "this time. This decision was based on information from a credit reference agency."),
    ("Harbourside Lettings", "lettings@harbourside-lettings.co.uk", "Flat 4, 12 Quay Street",
     "Thanks for your interest in the flat. The landlord has decided to go with another applicant, so your "
     "rental application has not been successful. We have other properties that may suit you."),
    ("PyData Berlin", "cfp@pydata-berlin.org", "Your talk proposal",
     "Thank you for submitting a proposal. We received over 400 submissions and regret that we could not "
     "accept yours this year. We hope to see you at the conference!"),
    ("Westbrook University Admissions", "admissions@westbrook.ac.uk", "Your application to the MSc programme",
     "After careful review, the admissions committee is unable to offer you a place on the MSc Data Science "
     "programme for the coming academic year."),
    ("City Sports Club", "membership@citysports.example", "Membership waiting list",
     "We are sorry to tell you that our tennis membership is full and we cannot accept new members this season."),
    ("Arts Council Grants", "grants@artscouncil.example", "Outcome of your grant application",
     "We regret to inform you that your application for funding was not successful in this round."),
]
ACCOUNT_MAIL = [
    ("Workday", "{slug}@myworkday.com", "Verify your candidate account",
     "Please confirm your email address to activate your candidate account at {company}. The link expires in "
     "24 hours. If you did not create an account, ignore this email."),
    ("Greenhouse", "no-reply@greenhouse.io", "Reset your password",
     "Someone asked to reset the password of your MyGreenhouse account. Click the link below to choose a new "
     "password."),
    ("{company} Careers", "{slug}@icims.com", "Your candidate profile was created",
     "Welcome! Your profile in the {company} career portal has been created. Complete your profile to get job "
     "recommendations that match your skills."),
    ("SmartRecruiters", "noreply@smartrecruiters.com", "Your weekly job recommendations",
     "Based on your profile, here are jobs you may like: {role} at {company}, {role2} at {company2}. Update "
     "your preferences at any time."),
    ("Ashby", "no-reply@ashbyhq.com", "Your sign-in code",
     "Your one-time code to sign in to the {company} candidate portal is 482913. It is valid for 10 minutes."),
]
RECEIPTS = [
    ("Coursera", "no-reply@coursera.org", "Your receipt",
     "Thanks for your purchase of the Google Data Analytics Certificate. Amount charged: €39.00."),
    ("LinkedIn", "billing-noreply@linkedin.com", "Your LinkedIn Premium receipt",
     "Thank you for your payment for LinkedIn Premium Career. Amount: €29.99. Next billing date: 1 April."),
    ("Zoom", "no-reply@zoom.us", "Your meeting recording is ready",
     "The cloud recording of 'Mock interview practice' is now available."),
]


def other_more(n):
    company, domain = rng.choice(COMPANIES)
    company2, _ = rng.choice(COMPANIES)
    values = dict(company=company, slug=company.split()[0].lower(), role=rng.choice(ROLES),
                  role2=rng.choice(ROLES), company2=company2)
    table = [NOT_JOB_REJECTIONS, ACCOUNT_MAIL, RECEIPTS][n % 3]
    name, address, subject, text = table[(n // 3) % len(table)]
    greeting = rng.choice(["Dear Alex,", "Hi Alex,", "Hello,", ""])
    body = "\n\n".join(p for p in (greeting, text.format(**values), rng.choice(["Kind regards", "Thanks", ""])) if p)
    return dict(from_=(name.format(**values), address.format(**values)), subject=subject.format(**values), text=body)


LINKEDIN = [
    ("rejection", "Your application to {role} at {company}",
     "Your update from {company}\n\nThank you for your interest in the {role} position at {company}. "
     "Unfortunately, {company} has decided not to move forward with your application.\n\nKeep going: "
     "there are more jobs that match your profile.\n\nSee jobs\n\nYou are receiving job application "
     "emails. Unsubscribe"),
    ("application_received", "Your application was sent to {company}",
     "Your application was sent to {company}\n\n{role}\n{company} · Berlin\nApplied on {day}\n\n"
     "Now, take these steps to stand out: message the hiring team.\n\nView application\n\nUnsubscribe"),
    ("status_update", "{company} viewed your application",
     "Good news, {company} viewed your application for {role}.\n\nWhile you wait, check out similar jobs."
     "\n\nView application\n\nUnsubscribe"),
]


def linkedin(n):
    company, _ = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    kind, subject, text = LINKEDIN[n % len(LINKEDIN)]
    values = dict(company=company, role=role, day="12 March")
    return dict(from_=("LinkedIn", "jobs-noreply@linkedin.com"), subject=subject.format(**values),
                text=text.format(**values), expect={"type": kind, "company": company, "role": role, "feedback": ""})


REPLIES = [
    ("interview_invitation", "Thanks Alex, that works. I've sent a calendar invite for Thursday at 2pm with the "
     "video link. Speak then!"),
    ("rejection", "Hi Alex, thanks for checking in. I'm sorry to say the team has decided to move ahead with "
     "another candidate for this role. I'll keep you in mind for anything similar."),
    ("status_update", "Hi Alex, thanks for following up! We're still interviewing and expect to decide by the "
     "end of next week. I'll be in touch either way."),
    ("offer", "Great to hear from you, Alex. Yes, the offer stands, and we can move the start date to 1 May "
     "as you asked. I'll send the updated contract today."),
    ("assessment", "Thanks Alex. Of course, you can have until Monday for the take-home exercise; just send "
     "your solution to this address."),
]


def reply(n):
    company, domain = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    kind, text = REPLIES[n % len(REPLIES)]
    who = person()
    quoted = (f"\n\nOn Mon, 9 Mar 2026 at 09:14, Alex Morgan <{ME[1]}> wrote:\n> Hi {who.split()[0]},\n> "
              f"I wanted to follow up on my application for the {role} role at {company}.\n> Best, Alex")
    sig = f"\n\n{who}\nRecruiter | {company}"
    return dict(from_=(who, f"{who.split()[0].lower()}@{domain}"), subject=f"Re: {role} application",
                text=text + sig + quoted, expect={"type": kind, "company": company, "role": role, "feedback": ""})


PLAN = [
    ("rejection", 80),
    ("interview_invitation", 32),
    ("assessment", 24),
    ("application_received", 40),
    ("offer", 12),
    ("recruiter_outreach", 24),
    ("status_update", 24),
    ("other", 54),
    ("other_more", 36),
    ("linkedin", 12),
    ("reply", 20),
]
MAKERS = {"other": other, "other_more": other_more, "linkedin": linkedin, "reply": reply}


def as_html(text):
    paragraphs = "".join(
        f'<p style="margin:0 0 12px">{p.replace(chr(10), "<br>")}</p>' for p in text.split("\n\n")
    )
    return (
        f'<!DOCTYPE html><html><head><style>body{{font-family:Arial}}</style></head><body><table width="100%">'
        f'<tr><td><img src="https://cdn.example/logo.png" alt=""></td></tr><tr><td>{paragraphs}</td></tr>'
        "</table></body></html>"
    )


def forward(item, date):
    name, address = item["from_"]
    header = (
        f"---------- Forwarded message ---------\nFrom: {name} <{address}>\n"
        f"Date: {date.strftime('%a, %b %-d, %Y at %-I:%M %p')}\nSubject: {item['subject']}\nTo: <alex.morgan@gmail.com>\n\n"
    )
    return dict(
        from_=ME, subject="Fwd: " + item["subject"], text="FYI, for my tracker.\n\n" + header + item["text"]
    )


SENTENCES = OUT.with_name("sentences.jsonl")


def write_sentences():
    """The pieces as labelled sentences, for the sentence model: what each kind of news sounds like, and the
    filler ("none") that surrounds it."""
    values = dict(company="Acme", role="Data Analyst", recruiter="Sam Lee", slug="acme", req=12345, first="Alex",
                  full="Alex Morgan", sig="Sam")
    pools = [("rejection", REJECT), ("interview_invitation", INTERVIEW), ("assessment", ASSESSMENT),
             ("application_received", RECEIVED), ("offer", OFFER), ("recruiter_outreach", OUTREACH),
             ("status_update", STATUS), ("none", THANKS_OPEN + REJECT_SOFTEN + REAPPLY + RECEIVED_EXTRA + FEEDBACK)]
    rows = [{"text": fill(text, **values), "label": label} for label, pool in pools for text in pool if text]
    SENTENCES.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main():
    rows = []
    start = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    n = 0
    for kind, count in PLAN:
        for i in range(count):
            n += 1
            item = MAKERS[kind](i) if kind in MAKERS else letter(kind, i)
            date = start + dt.timedelta(hours=rng.randint(0, 24 * 70), minutes=rng.randint(0, 59))
            forwarded = kind not in MAKERS and rng.random() < 0.08
            if forwarded:
                expect = item["expect"]
                item = forward(item, date)
                item["expect"] = expect
            html_only = rng.random() < 0.3 and not forwarded
            expect = item.get("expect") or {"type": "other", "company": "", "role": "", "feedback": ""}
            rows.append(
                {
                    "id": f"dev-{n:03d}",
                    "from": f"{item['from_'][0]} <{item['from_'][1]}>",
                    "to": f"{ME[0]} <{ME[1]}>",
                    "subject": item["subject"],
                    "date": format_datetime(date),
                    "message_id": f"dev-{n:03d}.{rng.randint(10**8, 10**9)}@mail.example",
                    "text": "" if html_only else item["text"],
                    "html": as_html(item["text"]) if html_only else "",
                    "forwarded": forwarded,
                    "expect": expect,
                }
            )
    write_sentences()
    rng.shuffle(rows)
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"wrote {len(rows)} messages to {OUT}")


if __name__ == "__main__":
    main()
