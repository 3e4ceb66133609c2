"""Write training/mail/handwritten.jsonl: letters written one by one, in words the generated dev set never uses.

Each is a whole letter typed out rather than composed from pieces, so that a model that only learned the
generated set's phrases does badly on them. Used first as a check on generalising (compare configurations on
it), then as part of the training data. Run: python training/mail/handwritten.py
"""

import json
from pathlib import Path

OUT = Path(__file__).with_name("handwritten.jsonl")
ME = "Alex Morgan <alex.morgan@fastmail.com>"

# (type, from, subject, text, company, role, feedback)
LETTERS = [
    ("rejection", "Talent Team <talent@quillpoint.io>", "Quillpoint — your candidacy",
     "Alex — thanks again for chatting with us last week. I'll be straight with you: we're not going to take "
     "things further for the Growth Analyst opening. It came down to timing more than anything. Hope our "
     "paths cross again.\n\nRosa\nQuillpoint", "Quillpoint", "Growth Analyst", ""),
    ("rejection", "Ferrowind Careers <no-reply@hire.lever.co>", "Ferrowind: Platform Engineer",
     "Hello Alex,\n\nWe appreciate your patience during our hiring process. At this stage we've closed the "
     "search for the Platform Engineer role, and we won't be able to offer you a position.\n\nAll the best,\n"
     "Ferrowind People Ops", "Ferrowind", "Platform Engineer", ""),
    ("rejection", "Marisol Vega <marisol@tallbird.co>", "Thanks for interviewing with Tallbird",
     "Hi Alex,\n\nIt was great meeting you during the onsite. The team deliberated a lot, and in the end we "
     "extended the offer to someone whose background in fintech compliance was a closer match. Your take-home "
     "was one of the cleanest we saw, but we needed deeper regulatory reporting experience for this hire.\n\n"
     "I'd genuinely like to keep in touch.\n\nMarisol", "Tallbird",
     "", "Your take-home was one of the cleanest we saw, but we needed deeper regulatory reporting experience for this hire."),
    ("rejection", "Oakhaven Recruitment <recruitment@oakhaven.gov.uk>", "Application ref OH-2291: outcome",
     "Dear Alex Morgan,\n\nRe: Policy Officer (ref OH-2291)\n\nThe shortlisting panel has now met. I am sorry "
     "to tell you that you have not been shortlisted for interview on this occasion.\n\nYours sincerely,\n"
     "HR Services, Oakhaven Council", "Oakhaven Council", "Policy Officer", ""),
    ("rejection", "Brindle Robotics <careers@brindle.ai>", "An update from Brindle",
     "Hi Alex, thank you for taking the time to apply. We've reviewed your profile carefully and unfortunately "
     "it isn't the right match for what we need right now. We'll hold on to your details in case something "
     "more suitable comes up.", "Brindle Robotics", "", ""),
    ("rejection", "Hiring at Sorrel <hiring@sorrel.health>", "Re: Clinical Data Manager",
     "Alex, apologies for the slow reply. The hiring manager has decided to close the Clinical Data Manager "
     "req without filling it — budget was pulled for this quarter — so we're withdrawing all open "
     "candidacies. Sorry this isn't better news.", "Sorrel", "Clinical Data Manager", ""),
    ("rejection", "Pellucid <notifications@pellucid.teamtailor-mail.com>", "Your application at Pellucid",
     "Hi Alex!\n\nThank you so much for your interest in joining Pellucid as a Junior Designer. We had so "
     "many amazing applicants and sadly we can't move forward with everyone — this time it's a no from us.\n\n"
     "Good luck out there!\nThe Pellucid crew", "Pellucid", "Junior Designer", ""),
    ("rejection", "Gantry Freight <donotreply@gantry.myworkday.com>", "Gantry Freight Application Status",
     "Dear Alex,\n\nThank you for your interest in the Logistics Planner position (Job ID JR-40817). Your "
     "application has been reviewed and you were not selected to move forward in the process.\n\nThis email "
     "was sent from an unmonitored mailbox.", "Gantry Freight", "Logistics Planner", ""),
    ("interview_invitation", "Dev Shah <dev.shah@quillpoint.io>", "Chat next week?",
     "Hey Alex — loved your portfolio. Would you have 45 minutes next Tuesday or Wednesday to meet two of our "
     "engineers over Zoom? Just reply with a couple of slots that work.\n\nDev", "Quillpoint", "", ""),
    ("interview_invitation", "Ferrowind Careers <no-reply@hire.lever.co>", "Ferrowind: next round",
     "Hi Alex, congratulations on making it through the first round for Platform Engineer! The next step is "
     "a panel conversation with the team. Grab a slot here: https://jobs.lever.co/ferrowind/schedule",
     "Ferrowind", "Platform Engineer", ""),
    ("interview_invitation", "Oakhaven Recruitment <recruitment@oakhaven.gov.uk>", "Invitation to interview: Analyst",
     "Dear Alex Morgan,\n\nI am pleased to invite you to attend an interview for the post of Analyst on "
     "14 April at 10:00 at the Civic Centre. Please confirm your attendance by replying to this email.",
     "Oakhaven Council", "Analyst", ""),
    ("interview_invitation", "Tallbird Recruiting <no-reply@ashbyhq.com>", "Your Tallbird onsite is confirmed",
     "Hi Alex, your onsite interviews for Senior Analyst are booked for Thursday from 10:00 to 14:00. You'll "
     "meet Marisol, Kofi and Jun. Lunch is on us!", "Tallbird", "Senior Analyst", ""),
    ("assessment", "Brindle Robotics <careers@brindle.ai>", "Brindle — technical exercise",
     "Hi Alex, thanks for the great intro call. Next up is a short take-home: build a small service that "
     "ingests sensor readings and flags anomalies. Please aim to spend no more than four hours and send us a "
     "link to your repo by next Friday.", "Brindle Robotics", "", ""),
    ("assessment", "Sorrel <noreply@smartrecruiters.com>", "Complete your skills test for Sorrel",
     "Hello Alex, as part of your application for Data Steward, please complete the online skills test "
     "(about 40 minutes) using the link below. The link expires in 5 days.", "Sorrel", "Data Steward", ""),
    ("assessment", "Gantry Freight <donotreply@gantry.myworkday.com>", "Action needed: assessment",
     "Dear Alex, you have been invited to complete a situational judgement questionnaire for the Logistics "
     "Planner role. Sign in to your candidate home to start it.", "Gantry Freight", "Logistics Planner", ""),
    ("application_received", "Pellucid <notifications@pellucid.teamtailor-mail.com>", "Thanks for applying!",
     "Hi Alex, we've got your application for Junior Designer at Pellucid 🎉 Our team reads every application "
     "and we'll get back to you within 2-3 weeks.", "Pellucid", "Junior Designer", ""),
    ("application_received", "Oakhaven Recruitment <recruitment@oakhaven.gov.uk>", "Acknowledgement: ref OH-2291",
     "Dear Alex Morgan,\n\nThis is an automated acknowledgement that your application for Policy Officer "
     "(ref OH-2291) reached us before the closing date.", "Oakhaven Council", "Policy Officer", ""),
    ("application_received", "Sorrel <noreply@smartrecruiters.com>", "Sorrel: application submitted",
     "Hi Alex, thanks for submitting your application for Data Steward. We'll review it and contact you if "
     "your qualifications match our needs.", "Sorrel", "Data Steward", ""),
    ("application_received", "Ferrowind Careers <no-reply@hire.lever.co>", "Ferrowind application",
     "Alex, thank you for applying to Ferrowind! This note confirms we've got everything we need. Someone "
     "from the team will reach out if there's a potential fit.", "Ferrowind", "", ""),
    ("offer", "Marisol Vega <marisol@tallbird.co>", "Good news!",
     "Alex — I'm thrilled to say the team would love to bring you on board as Senior Analyst. I've attached the "
     "offer details (base, equity, start date). Can we hop on a call tomorrow to walk through it?",
     "Tallbird", "Senior Analyst", ""),
    ("offer", "Oakhaven Recruitment <recruitment@oakhaven.gov.uk>", "Conditional offer of employment",
     "Dear Alex Morgan,\n\nFollowing your recent interview, I am delighted to make you a conditional offer of "
     "appointment to the post of Analyst, subject to satisfactory references.", "Oakhaven Council", "Analyst", ""),
    ("recruiter_outreach", "Ben Ortega <ben@northstar-search.com>", "Head of Analytics — confidential search",
     "Hi Alex, I'm running a confidential search for a Head of Analytics at a Series B climate company. Your "
     "time at your current firm looks very relevant. Open to a quick call this week?", "Northstar Search",
     "Head of Analytics", ""),
    ("recruiter_outreach", "Priya Nair <priya.nair@brindle.ai>", "Robotics + data?",
     "Hi Alex, I'm on the talent team at Brindle Robotics. We don't have your CV, but a former colleague of "
     "yours suggested I get in touch — we're growing the data team. Fancy a coffee?", "Brindle Robotics", "", ""),
    ("recruiter_outreach", "Leo Kramer <leo.kramer@gmail.com>", "Quick intro",
     "Hey Alex, I recruit for a couple of fintech startups in Berlin and one of them needs an Analytics "
     "Engineer. Remote-friendly, good pay. Worth a chat?", "", "Analytics Engineer", ""),
    ("status_update", "Tallbird Recruiting <no-reply@ashbyhq.com>", "Where things stand",
     "Hi Alex, a quick note to say we haven't forgotten you. The team is still finishing first-round calls "
     "for Senior Analyst, and we expect to be in touch about next steps around the 20th.", "Tallbird",
     "Senior Analyst", ""),
    ("status_update", "Gantry Freight <donotreply@gantry.myworkday.com>", "Gantry Freight Application Status",
     "Dear Alex, the status of your application for Logistics Planner has changed to 'Under consideration'. "
     "No action is needed from you at this time.", "Gantry Freight", "Logistics Planner", ""),
    ("status_update", "Dev Shah <dev.shah@quillpoint.io>", "Re: Chat next week?",
     "Hi Alex, sorry for the radio silence — our founder was travelling. We're still very keen and I'll "
     "confirm the next step by Friday.", "Quillpoint", "", ""),
    ("other", "Jobs for you <jobs-listings@linkedin.com>", "Analytics roles you may be interested in",
     "Senior Analyst · Tallbird · Remote\nGrowth Analyst · Quillpoint · Berlin\nData Steward · Sorrel · Hybrid"
     "\n\nThese jobs match your preferences. Apply with your profile.\n\nManage job alerts", "", "", ""),
    ("other", "Robin Achebe <robin.achebe@outlook.com>", "drinks?",
     "Alex!! Tallbird turned me down too, apparently they 'went with someone with more fintech experience'. "
     "Their loss. Pub on Thursday?", "", "", ""),
    ("other", "Glasswing Weekly <newsletter@glasswing.substack.com>", "The art of the graceful no",
     "This week: what hiring managers really mean by 'we've decided to move forward with other candidates', "
     "and a template for replying that keeps the door open. Plus five jobs we love.", "", "", ""),
    ("other", "Greenhouse <no-reply@greenhouse.io>", "Confirm your email address",
     "Please confirm the email address for your MyGreenhouse profile so we can keep your job applications in "
     "one place.", "", "", ""),
    ("other", "City Council Housing <housing@oakhaven.gov.uk>", "Your housing application",
     "We are writing to let you know that your application for the housing register has been unsuccessful, "
     "as you do not meet the local connection criteria.", "", "", ""),
    ("other", "Mum <helen.morgan@btinternet.com>", "Sunday",
     "Hi darling, are you still coming for lunch on Sunday? Dad wants to hear how the interviews went. "
     "Love, Mum x", "", "", ""),
    ("other", "Indeed <alert@indeed.com>", "Don't miss these new jobs",
     "Logistics Planner - Gantry Freight - 3 days ago\nPolicy Officer - Oakhaven Council - Just posted\n"
     "Easily apply\n\nWe think you'll like these jobs.", "", "", ""),
]


def main():
    rows = []
    for index, (kind, sender, subject, text, company, role, feedback) in enumerate(LETTERS, start=1):
        rows.append({
            "id": f"hand-{index:03d}",
            "from": sender,
            "to": ME,
            "subject": subject,
            "date": f"Mon, {index % 27 + 1:02d} Apr 2026 09:{index % 60:02d}:00 +0000",
            "message_id": f"hand-{index:03d}@handwritten.example",
            "text": text,
            "html": "",
            "forwarded": False,
            "expect": {"type": kind, "company": company, "role": role, "feedback": feedback},
        })
    OUT.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"wrote {len(rows)} messages to {OUT}")


if __name__ == "__main__":
    main()
